package dev.wasmtutorial.api;

/** A request the API refuses: the HTTP status, what is wrong (naming the field) and what to do. */
final class ApiError extends Exception {

    private final int status;
    private final String hint;

    ApiError(int status, String error, String hint) {
        super(error, null, false, false);
        this.status = status;
        this.hint = hint;
    }

    int status() {
        return status;
    }

    String hint() {
        return hint;
    }
}
