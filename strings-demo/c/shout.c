// Strings through linear memory: the caller puts UTF-8 bytes in the module's memory, this code
// writes a transformed copy, and the caller reads it back.
//
// shout() upper-cases ASCII letters and copies every other byte unchanged, so multi-byte UTF-8
// sequences (é, ü, emoji) pass through intact and the result has exactly as many bytes as the
// input. It allocates the result with malloc; the caller frees it with free, which this
// module exports too, because the allocator lives inside the module.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// region: shout
// Returns a new buffer of len + 1 bytes: the transformed text and a terminating NUL
// (so C-string readers such as Emscripten's UTF8ToString can read it too).
char *shout(const char *text, int len) {
    char *out = malloc((size_t)len + 1);
    if (!out) {
        return NULL;
    }
    for (int i = 0; i < len; i++) {
        char c = text[i];
        out[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    out[len] = '\0';
    return out;
}
// endregion: shout

// region: cstring
// The same for a NUL-terminated string, the form ccall/cwrap pass a JavaScript string in.
char *shout_cstr(const char *text) {
    return shout(text, (int)strlen(text));
}

// Prints the shouted text to stdout, which the glue hands to the print function the page gave
// the module factory.
void shout_print(const char *text) {
    char *loud = shout_cstr(text);
    if (loud) {
        printf("%s\n", loud);
        free(loud);
    }
}
// endregion: cstring
