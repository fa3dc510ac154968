package dev.wasmtutorial.config;

/**
 * A place in a source file, for messages: {@code content/intro.md:12}.
 *
 * @param file the file as the author knows it, relative to the project root where possible
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 */
public record SourceLocation(String file, int line) {

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
