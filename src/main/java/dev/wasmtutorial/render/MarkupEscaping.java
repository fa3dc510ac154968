package dev.wasmtutorial.render;

/**
 * The templates' HTML auto-escaping: what Pebble's default strategy does (unbescape's
 * {@code HtmlEscape.escapeHtml4Xml}: {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;},
 * everything else stays), without unbescape's entity tables. Their set-up, the first time
 * anything is escaped, builds the HTML 4 and HTML 5 entity sets in a static initialiser: 54 ms of
 * CPU in every build, on a render thread, before the first page can be laid out (about 5% of a
 * 7-page build's CPU time, by profile).
 */
final class MarkupEscaping {

    private MarkupEscaping() {
    }

    static String escape(String text) {
        int first = 0;
        int n = text.length();
        while (first < n && replacement(text.charAt(first)) == null) {
            first++;
        }
        if (first == n) {
            return text; // the usual case: nothing to escape
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, first);
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                out.append(c);
            } else {
                out.append(replacement);
            }
        }
        return out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
