package dev.wasmtutorial.config;

/**
 * A problem with the author's input, reported as one line: where, what, and what to do.
 * The CLI prints {@link #oneLine()} and exits non-zero; no stack trace is shown for these.
 */
public class BuildException extends RuntimeException {

    private final SourceLocation location;
    private final String hint;

    public BuildException(SourceLocation location, String message, String hint) {
        super(message);
        this.location = location;
        this.hint = hint;
    }

    public BuildException(SourceLocation location, String message, String hint, Throwable cause) {
        super(message, cause);
        this.location = location;
        this.hint = hint;
    }

    public SourceLocation location() {
        return location;
    }

    public String hint() {
        return hint;
    }

    /** {@code file:line: error: message (hint: ...)} */
    public String oneLine() {
        StringBuilder out = new StringBuilder();
        if (location != null) {
            out.append(location).append(": ");
        }
        out.append("error: ").append(getMessage());
        if (hint != null && !hint.isBlank()) {
            out.append(" (hint: ").append(hint).append(')');
        }
        return out.toString();
    }
}
