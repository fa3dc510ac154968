// A pure function exported for JavaScript to call.
//
// Built with -s EXPORTED_FUNCTIONS=_add: Emscripten names C symbols with a
// leading underscore in that list, while the Wasm export itself is called "add".
// It touches no memory and imports nothing, so JavaScript can instantiate the
// module with an empty import object.

// region: add
int add(int a, int b) {
    // In C, signed overflow is undefined behaviour; here clang emits a plain i32.add,
    // which wraps: add(2147483647, 1) is -2147483648 (the build checks this).
    return a + b;
}
// endregion: add
