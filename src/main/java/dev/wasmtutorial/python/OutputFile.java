package dev.wasmtutorial.python;

import java.util.regex.Pattern;

/**
 * A file a Python program wrote under {@code /output}: a figure, a table, any data. Untrusted
 * content under an untrusted name, so the name is checked here (a relative path of plain
 * segments) and the server serves the bytes so that no browser runs them.
 *
 * @param name  its path under /output, e.g. {@code plots/sales.svg}
 * @param bytes its content
 */
public record OutputFile(String name, byte[] bytes) {

    /** At most this many files per run are kept. */
    public static final int MAX_FILES = 32;
    /** At most this many bytes of files per run are kept. */
    public static final long MAX_BYTES = 8L << 20;

    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z0-9_][A-Za-z0-9._-]{0,99}/){0,4}[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    /** Whether {@code name} may name an output file: up to five plain segments, no dot first, no "..". */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** The MIME type the server gives it, by its extension; unknown kinds are bytes. */
    public String mimeType() {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            case "csv" -> "text/csv";
            case "txt", "log", "md" -> "text/plain";
            case "json" -> "application/json";
            case "html", "htm" -> "text/html";
            default -> "application/octet-stream";
        };
    }

    /**
     * Whether a browser may show it in place: images that cannot run script and plain data. An
     * SVG or HTML figure could run script on the API's origin if opened there, so it is a download.
     */
    public boolean inline() {
        return switch (mimeType()) {
            case "image/png", "image/jpeg", "image/gif", "text/csv", "text/plain", "application/json" -> true;
            default -> false;
        };
    }
}
