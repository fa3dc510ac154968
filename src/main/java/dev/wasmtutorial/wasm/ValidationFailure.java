package dev.wasmtutorial.wasm;

/** A module that did not do what its checks file says: which module, which check, expected, actual. */
public final class ValidationFailure extends Exception {

    private final String module;
    private final String check;
    private final String expected;
    private final String actual;

    public ValidationFailure(String module, String check, String expected, String actual) {
        super(module + ": check \"" + check + "\" failed: expected " + expected + ", actual " + actual);
        this.module = module;
        this.check = check;
        this.expected = expected;
        this.actual = actual;
    }

    public String module() {
        return module;
    }

    public String check() {
        return check;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
