package dev.wasmtutorial.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Site paths as they appear in URLs. File names with spaces or non-ASCII letters
 * ({@code about us.md}, {@code Über uns.md}) are ordinary: they are published under their own
 * name and linked with percent-encoded UTF-8 ({@code about%20us.html}, {@code %C3%9Cber%20uns.html}).
 */
public final class UrlPaths {

    private UrlPaths() {
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, sub-delimiters, ':', '@' and '/'. */
    public static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAllowed(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isAllowed(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0);
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 ('+' stays '+': this is a path, not a form).
     *
     * @throws IllegalArgumentException naming the bad escape, when a '%' is not followed by two hex digits
     */
    public static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                String found = path.substring(i, Math.min(path.length(), i + 3));
                throw new IllegalArgumentException("'" + found + "' is not a %-escape (a '%' must be followed by two hex digits)");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
