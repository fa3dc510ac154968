// The smallest useful JS <-> Wasm round trip.
//
// JavaScript calls add_and_log(a, b); the module adds the numbers, calls back
// into JavaScript through the imported log_value function, and returns the sum.
// No Emscripten runtime or glue is involved: index.html instantiates the module
// by hand and supplies log_value in its import object.

// region: import
// Declared here, defined by JavaScript. Because nothing in the C world defines
// it, the linker turns it into a Wasm import named env.log_value.
extern void log_value(int value);
// endregion: import

// region: export
// Exported by the linker flag -Wl,--export=add_and_log (see scripts/).
int add_and_log(int a, int b) {
    int sum = a + b;
    log_value(sum);
    return sum;
}
// endregion: export
