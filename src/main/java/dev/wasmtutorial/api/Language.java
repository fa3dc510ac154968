package dev.wasmtutorial.api;

import java.util.Arrays;
import java.util.Optional;

/** What a request's {@code code} is, by its name in the API. */
enum Language {
    /** Python source, run in Pyodide in a sandboxed process. */
    PYTHON("python"),
    /** C source, compiled by emcc in a sandbox and run in Chicory. */
    C("c"),
    /** A WebAssembly module as base64, run in Chicory. */
    WASM("wasm");

    private final String wire;

    Language(String wire) {
        this.wire = wire;
    }

    /** The name in requests and records. */
    String wire() {
        return wire;
    }

    static Optional<Language> of(String wire) {
        return Arrays.stream(values()).filter(l -> l.wire.equals(wire)).findFirst();
    }
}
