// printf through Emscripten's C library.
//
// There is no terminal inside a Wasm module. printf formats into a buffer and
// the C library hands the bytes to the WASI call fd_write(1, ...). Emscripten's
// generated JavaScript glue implements fd_write and forwards each line to
// Module.print (console.log by default), which web/index.html redirects to the page.
#include <stdio.h>

int main(void) {
    printf("Hello from C, printed through Emscripten's stdio!\n");
    printf("2 + 3 = %d\n", 2 + 3);
    return 0;
}
