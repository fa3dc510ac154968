package dev.wasmtutorial.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading ids exactly as GitHub makes them, so {@code page.md#some-heading} links work both on
 * GitHub and on the site: lower-case, drop everything but letters, marks, digits, connector
 * punctuation, spaces and hyphens, turn each space into a hyphen. A repeated slug gets
 * {@code -1}, {@code -2}, ... in document order. One instance per document.
 */
public final class GitHubSlugger {

    private final Map<String, Integer> seen = new HashMap<>();

    public String slug(String headingText) {
        String base = baseSlug(headingText);
        String candidate = base;
        while (seen.containsKey(candidate)) {
            int n = seen.merge(base, 1, Integer::sum);
            candidate = base + "-" + n;
        }
        seen.putIfAbsent(candidate, 0);
        return candidate;
    }

    static String baseSlug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            if (cp == ' ') {
                out.append('-');
            } else if (cp == '-' || Character.isLetterOrDigit(cp) || isMarkOrConnector(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isMarkOrConnector(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
