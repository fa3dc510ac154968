package dev.wasmtutorial.api;

/** One compiler message about the user's file. */
record Diagnostic(int line, int column, String message) {
}
