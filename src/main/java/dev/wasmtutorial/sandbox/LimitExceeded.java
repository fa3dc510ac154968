package dev.wasmtutorial.sandbox;

/**
 * Thrown from inside a run (a memory grow, an output write) to stop it at once when it passes a
 * limit. Unchecked so it travels up through Chicory's interpreter unchanged.
 */
final class LimitExceeded extends RuntimeException {

    enum Kind { MEMORY, OUTPUT }

    private final Kind kind;

    LimitExceeded(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
