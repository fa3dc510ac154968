package dev.wasmtutorial.check;

import java.util.List;
import java.util.Random;

/**
 * Random HTML for the differential test: the lexical traps the scanner must get right (quoting,
 * character references, comments, bogus comments, CDATA, text-only elements, odd white space,
 * case, tags cut short), but well nested, so that jsoup's tree builder has nothing to repair
 * (where {@link TagScanner} deliberately reports tags as written): no {@code <a>} left open, only
 * inline content in {@code <p>}, tables built row by cell, no select, form, frame or head-level
 * noscript. SVG and MathML are left to the snippets of {@code PageLinksTest}: random nesting of
 * HTML in them soon needs jsoup's repairs.
 */
final class RandomMarkup {

    private static final List<String> ATTRIBUTES = List.of("href", "src", "id", "name", "HREF", "Id", "SRC", "NAME", "class",
            "title", "data-x", "encoding", "color", "xlink:href", "hrefx");
    private static final List<String> VALUES = List.of("page.html", "a b", "  padded.html  ", "a?x=1&amp;y=2", "caf&eacute;",
            "&notin;", "&not", "&notx=1", "&copy=2", "&#38;&#x26;", "&#0;", "&bogus;", "&AMP;&lt", "a>b", "it's", "say \"hi\"",
            "", "#frag", "\u00e9t\u00e9", "\n x.html \t", "a\0b", "../up.html#top", "https://example.org/?q=1&lang=en",
            "&#x1F600;", "&#55296;", "&Aacute&Aacutex", "x\u00a0", "java\nscript:1", "/abs/path", "text/html", "TEXT/HTML");
    private static final List<String> SPACES = List.of(" ", " ", " ", "\n", "\t", "  ", "\r\n", "\f", "\n  ");
    private static final List<String> TEXT = List.of("text", "a < b", "x &amp; y", "&", "<", "< a href=no>", "]]>", "-->",
            "<3", "</ >", "</>", "<!>", "<?pi <a href=pi>?>", "</ a href=bogus>", "<!-- <a href=commented id=c1> -->",
            "<!--> <area href=after-empty-comment>", "<!---> <img src=after-dash-comment>", "<!-- x --!> <img src=after-bang>",
            "<!-- a -- b --->", "<![CDATA[ x > <img src=cdata> ]]>", "<![cdata[ <a href=lower-cdata> ]]>",
            "<!DOCTYPE html>", "<!x <a href=bogus2>>", "\u00e9\u00e8");
    /**
     * Content of text-only elements. No partial end tag directly before the real one
     * ({@code </s</style>}): jsoup 1.21 then misses the end tag, unlike the HTML standard and browsers.
     */
    private static final List<String> RAW = List.of("<img src=raw id=raw>", "</scr ", "</scriptx>", "<!--", "-->",
            "</styles>", "<b>", "&amp;", "]]>", "if (a < b && c > d)",
            "--!>", "<!--<img src=x>-->", "</textareas>", "</title ", "</b>");
    private static final List<String> INLINE = List.of("span", "em", "strong", "code", "b", "i", "small", "abbr");
    private static final List<String> BLOCKS = List.of("div", "section", "article", "blockquote", "aside", "nav", "header");
    private static final List<String> TEXT_ONLY = List.of("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
            "noframes");

    private final Random random;
    private final StringBuilder out = new StringBuilder();

    RandomMarkup(long seed) {
        random = new Random(seed);
    }

    String document() {
        out.setLength(0);
        if (random.nextBoolean()) {
            out.append("<!DOCTYPE html>").append(space()).append(tag("html")).append(tag("head"));
            for (int i = random.nextInt(4); i > 0; i--) {
                switch (random.nextInt(4)) {
                    case 0 -> textOnly("title");
                    case 1 -> out.append(tag("link"));
                    case 2 -> textOnly("style");
                    default -> textOnly("script");
                }
            }
            out.append("</head>").append(space()).append(tag("body"));
            flow(3, false);
            out.append("</body></html>");
        } else {
            flow(3, false);
        }
        if (random.nextInt(20) == 0) {
            out.append(tag("plaintext")).append(pick(RAW)).append(tag("a"));
        }
        return out.toString();
    }

    private void flow(int depth, boolean inLink) {
        for (int i = random.nextInt(6); i >= 0; i--) {
            int kind = depth <= 0 ? random.nextInt(3) : random.nextInt(14);
            switch (kind) {
                case 0 -> out.append(pick(TEXT));
                case 1 -> out.append(space());
                case 2 -> out.append(random.nextBoolean() ? tag("img") : tag("image"));
                case 3 -> element(pick(BLOCKS), () -> flow(depth - 1, inLink));
                case 4 -> element("p", () -> phrasing(depth - 1, inLink));
                case 5 -> element(pick(INLINE), () -> phrasing(depth - 1, inLink));
                case 6 -> {
                    if (!inLink) {
                        element("a", () -> phrasing(depth - 1, true));
                    }
                }
                case 7 -> textOnly(pick(TEXT_ONLY));
                case 8 -> out.append("<![CDATA[ <a href=in-cdata> ]]>");
                case 9 -> element("map", () -> out.append(tag("area")));
                case 10 -> table(depth - 1, inLink);
                case 11 -> element("template", () -> flow(depth - 1, inLink));
                case 12 -> media();
                default -> element(random.nextBoolean() ? "noscript" : "ul", () -> {
                    for (int li = random.nextInt(3); li >= 0; li--) {
                        element("li", () -> flow(depth - 1, inLink));
                    }
                });
            }
        }
    }

    private void phrasing(int depth, boolean inLink) {
        for (int i = random.nextInt(4); i >= 0; i--) {
            switch (depth <= 0 ? random.nextInt(3) : random.nextInt(6)) {
                case 0 -> out.append(pick(TEXT));
                case 1 -> out.append(space());
                case 2 -> out.append(tag("img"));
                case 3 -> element(pick(INLINE), () -> phrasing(depth - 1, inLink));
                case 4 -> {
                    if (!inLink) {
                        element("a", () -> phrasing(depth - 1, true));
                    }
                }
                default -> textOnly(random.nextBoolean() ? "script" : "textarea");
            }
        }
    }

    private void table(int depth, boolean inLink) {
        element("table", () -> {
            for (int row = random.nextInt(2); row >= 0; row--) {
                element("tr", () -> {
                    for (int cell = random.nextInt(2); cell >= 0; cell--) {
                        element(random.nextBoolean() ? "td" : "th", () -> flow(depth - 1, inLink));
                    }
                });
            }
        });
    }

    private void media() {
        String name = random.nextBoolean() ? "video" : "audio";
        element(name, () -> {
            for (int i = random.nextInt(3); i >= 0; i--) {
                out.append(tag("source"));
            }
        });
    }

    private void element(String name, Runnable content) {
        out.append(tag(name));
        content.run();
        out.append("</").append(random.nextInt(6) == 0 ? name.toUpperCase() : name).append(random.nextInt(8) == 0 ? " x='>'>" : ">");
    }

    private void textOnly(String name) {
        element(name, () -> {
            for (int i = random.nextInt(3); i >= 0; i--) {
                out.append(pick(RAW));
            }
        });
    }

    private String selfClosing(String name) {
        String tag = tag(name);
        return tag.substring(0, tag.length() - 1) + "/>";
    }

    /** A start tag with random attributes, quoting, spacing and case. */
    private String tag(String name) {
        StringBuilder tag = new StringBuilder("<").append(random.nextInt(8) == 0 ? name.toUpperCase() : name);
        for (int i = random.nextInt(5); i > 0; i--) {
            tag.append(space()).append(pick(ATTRIBUTES));
            String value = pick(VALUES);
            switch (random.nextInt(5)) {
                case 0 -> { } // no value
                case 1 -> tag.append(maybeSpace()).append('=').append(maybeSpace()).append('\'').append(value.replace("'", "")).append('\'');
                case 2 -> tag.append('=').append(value.replaceAll("[\\s>\"'`=<]", "").isEmpty() ? "x" : value.replaceAll("[\\s>\"'`=<]", ""));
                default -> tag.append(maybeSpace()).append('=').append(maybeSpace()).append('"').append(value.replace("\"", "")).append('"');
            }
        }
        if (random.nextInt(6) == 0) {
            tag.append(maybeSpace()).append('/');
        }
        return tag.append(maybeSpace()).append('>').toString();
    }

    private String space() {
        return pick(SPACES);
    }

    private String maybeSpace() {
        return random.nextInt(4) == 0 ? space() : "";
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
