package dev.wasmtutorial.check;

import org.jsoup.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a page's links and anchors in one pass over its tags, following the HTML tokenizer's rules
 * (as jsoup implements them) but building no document tree.
 *
 * <p>Why not jsoup's DOM: the check only needs a few attributes, and building a full tree of
 * every page was a quarter of the build's CPU on a 2,000-page site (JFR, C1-only JVM); this pass
 * costs a fraction of that ({@code bench/link-scan-benchmark.sh}). jsoup has no public tokenizer,
 * so the tag grammar is here; character references are decoded by jsoup's own
 * {@link Parser#unescapeEntities(String, boolean)}. {@code PageLinksTest} compares the result with
 * jsoup's DOM on tricky snippets, random markup and a real built site.
 *
 * <p>What it follows: comments (including {@code <!-->} and {@code --!>}), bogus comments,
 * doctypes and CDATA sections; text-only content of {@code script} (with its
 * {@code <!--<script>} escapes), {@code style}, {@code textarea}, {@code title}, {@code xmp},
 * {@code iframe}, {@code noembed}, {@code noframes} and {@code plaintext}; SVG and MathML content,
 * where those elements are ordinary ones, with jsoup's integration points ({@code foreignObject},
 * {@code desc}, {@code title}, {@code mi}..., matched as jsoup does) and HTML tags in it; unquoted, single- and double-quoted and missing values, the first of
 * duplicate attributes, upper case names; a tag cut off by the end of the input is dropped.
 *
 * <p>What it does not replay: the tree builder's repairs of malformed nesting. Tags are reported
 * as written, so where a DOM would clone a misnested {@code <a>} ({@code <a href=x><p>..</a>}),
 * move content out of a table, or drop a tag that cannot stand where it is ({@code <td>} outside a
 * table, tags inside {@code <select>}, a second {@code <body>} or {@code <form>}), the results
 * differ. The generator's pages are well formed, where both agree.
 */
final class TagScanner {

    private static final Set<String> HREF_ELEMENTS = Set.of("a", "area", "link");
    private static final Set<String> SRC_ELEMENTS = Set.of("img", "script", "source", "iframe", "video", "audio");
    /** HTML elements whose content is text up to their end tag (RCDATA and RAWTEXT); script has its own rules. */
    private static final Set<String> TEXT_ONLY = Set.of("title", "textarea", "style", "xmp", "iframe", "noembed", "noframes");
    /** HTML start tags that end SVG/MathML content; {@code font} only with color, face or size. */
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
            "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
            "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt",
            "u", "ul", "var");
    private static final Set<String> VOID_BREAKOUT = Set.of("br", "embed", "hr", "img", "meta");
    /** SVG elements whose content is HTML again; jsoup matches them as written, case included. */
    private static final Set<String> SVG_HTML_POINTS = Set.of("foreignObject", "desc", "title");
    private static final Set<String> MATH_TEXT_POINTS = Set.of("mi", "mo", "mn", "ms", "mtext");

    /** An open SVG or MathML element; {@code html}: its content is HTML (an integration point). */
    private record Foreign(String name, boolean svg, boolean html, boolean mathText, boolean annotationXml) {
    }

    /** The attributes of one tag that matter here; the first of duplicates wins, as in a DOM. */
    private static final class Tag {
        String name;
        String rawName;
        boolean selfClosing;
        String href;
        String src;
        String id;
        String anchorName;
        String encoding;
        boolean fontStyle;
    }

    private final String html;
    private final int end;
    private int pos;
    private final List<String> hrefs = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    /** Open SVG/MathML elements, innermost first; empty in HTML content. */
    private final Deque<Foreign> foreign = new ArrayDeque<>();

    TagScanner(String html) {
        this.html = html;
        this.end = html.length();
    }

    PageLinks scan() {
        while (pos < end) {
            int lt = html.indexOf('<', pos);
            if (lt < 0 || lt + 1 >= end) {
                break;
            }
            pos = lt + 1;
            char c = html.charAt(pos);
            if (isAsciiLetter(c)) {
                startTag();
            } else if (c == '/') {
                endTag();
            } else if (c == '!') {
                markupDeclaration();
            } else if (c == '?') {
                pos = skipPast(">", pos);
            } // any other '<' is text
        }
        return new PageLinks(hrefs, ids);
    }

    private void startTag() {
        Tag tag = readTag(true);
        if (tag == null) {
            return;
        }
        boolean inForeign = inForeignContent(tag.name);
        if (inForeign && (BREAKOUT.contains(tag.name) || tag.name.equals("font") && tag.fontStyle)) {
            // jsoup opens it as an HTML element inside the SVG/MathML one (the standard closes those first)
            record(tag.name, tag);
            if (!VOID_BREAKOUT.contains(tag.name)) {
                foreign.push(new Foreign(tag.name, foreign.peek().svg(), true, false, false));
            }
            return;
        }
        String name = !inForeign && tag.name.equals("image") ? "img" : tag.name; // HTML renames <image>
        record(name, tag);
        if (name.equals("script") && !(inForeign && !foreign.peek().svg())) {
            pos = scriptEnd(pos); // jsoup: text-only in HTML and SVG (even written <script/>), not in MathML
        } else if (inForeign) {
            if (!tag.selfClosing) {
                foreign.push(foreignElement(tag, foreign.peek().svg()));
            }
        } else if (name.equals("svg") || name.equals("math")) {
            if (!tag.selfClosing) {
                foreign.push(foreignElement(tag, name.equals("svg")));
            }
        } else if (TEXT_ONLY.contains(name)) {
            pos = textEnd(pos, name);
        } else if (name.equals("plaintext")) {
            pos = end;
        }
    }

    private void record(String name, Tag tag) {
        if (tag.href != null && HREF_ELEMENTS.contains(name) || tag.src != null && SRC_ELEMENTS.contains(name)) {
            hrefs.add((tag.href != null ? tag.href : tag.src).strip());
        }
        if (tag.id != null) {
            ids.add(tag.id);
        }
        if (tag.anchorName != null && name.equals("a")) {
            ids.add(tag.anchorName);
        }
    }

    /** Whether a start tag is read by the SVG/MathML rules rather than HTML's. */
    private boolean inForeignContent(String name) {
        Foreign current = foreign.peek();
        if (current == null) {
            return false;
        }
        if (current.mathText()) {
            return name.equals("mglyph") || name.equals("malignmark");
        }
        if (current.annotationXml() && name.equals("svg")) {
            return false;
        }
        return !current.html();
    }

    private static Foreign foreignElement(Tag tag, boolean svg) {
        boolean annotationXml = !svg && tag.name.equals("annotation-xml");
        boolean html = svg ? SVG_HTML_POINTS.contains(tag.rawName)
                : annotationXml && tag.encoding != null
                        && (tag.encoding.equalsIgnoreCase("text/html") || tag.encoding.equalsIgnoreCase("application/xhtml+xml"));
        return new Foreign(tag.name, svg, html, !svg && MATH_TEXT_POINTS.contains(tag.name), annotationXml);
    }

    private void endTag() {
        int next = pos + 1;
        if (next >= end) {
            pos = end;
            return;
        }
        char c = html.charAt(next);
        if (c == '>') {
            pos = next + 1;
        } else if (!isAsciiLetter(c)) {
            pos = skipPast(">", next); // bogus comment
        } else {
            pos = next;
            Tag tag = readTag(false);
            if (tag != null) {
                closeForeign(tag.name);
            }
        }
    }

    /** An end tag closes the nearest open SVG/MathML element of its name; in HTML content only the integration point itself. */
    private void closeForeign(String name) {
        Foreign current = foreign.peek();
        if (current == null) {
            return;
        }
        if (current.html() || current.mathText()) {
            if (current.name().equals(name)) {
                foreign.pop();
            }
            return;
        }
        if (foreign.stream().anyMatch(f -> f.name().equals(name))) {
            while (!foreign.pop().name().equals(name)) {
                // pop up to and including the element being closed
            }
        }
    }

    /** {@code <!--comment-->}, {@code <![CDATA[...]]>}, or a doctype / bogus comment up to the next {@code >}. */
    private void markupDeclaration() {
        int i = pos + 1;
        if (html.startsWith("--", i)) {
            i += 2;
            if (html.startsWith(">", i)) {
                pos = i + 1;
            } else if (html.startsWith("->", i)) {
                pos = i + 2;
            } else {
                int dashes = html.indexOf("-->", i);
                int bang = html.indexOf("--!>", i);
                if (bang >= 0 && (dashes < 0 || bang < dashes)) {
                    pos = bang + 4;
                } else {
                    pos = dashes < 0 ? end : dashes + 3;
                }
            }
        } else if (html.startsWith("[CDATA[", i)) {
            pos = skipPast("]]>", i + 7);
        } else {
            pos = skipPast(">", i);
        }
    }

    /**
     * Reads a tag from its name (at {@code pos}) to its {@code >}; null, with {@code pos} at the
     * end, when the input ends first (the tokenizer drops such a tag). End tags' attributes are
     * read (their quotes may hide a {@code >}) but not kept.
     */
    private Tag readTag(boolean keepAttributes) {
        int nameStart = pos;
        while (pos < end && !endsName(html.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return null;
        }
        Tag tag = new Tag();
        tag.rawName = html.substring(nameStart, pos);
        tag.name = tag.rawName.toLowerCase(Locale.ROOT);
        while (true) {
            skipWhitespace();
            if (pos >= end) {
                return null;
            }
            char c = html.charAt(pos);
            if (c == '>') {
                pos++;
                return tag;
            }
            if (c == '/') {
                pos++;
                if (pos < end && html.charAt(pos) == '>') {
                    tag.selfClosing = true;
                    pos++;
                    return tag;
                }
                continue;
            }
            int attrStart = pos++; // the first character belongs to the name even if it is '='
            while (pos < end && !endsName(html.charAt(pos)) && html.charAt(pos) != '=') {
                pos++;
            }
            int attrEnd = pos;
            skipWhitespace();
            if (pos >= end) {
                return null;
            }
            int valueStart = pos;
            int valueEnd = pos;
            if (html.charAt(pos) == '=') {
                pos++;
                skipWhitespace();
                if (pos >= end) {
                    return null;
                }
                char quote = html.charAt(pos);
                if (quote == '"' || quote == '\'') {
                    int close = html.indexOf(quote, pos + 1);
                    if (close < 0) {
                        return null;
                    }
                    valueStart = pos + 1;
                    valueEnd = close;
                    pos = close + 1;
                } else {
                    valueStart = pos;
                    while (pos < end && !isWhitespace(html.charAt(pos)) && html.charAt(pos) != '>') {
                        pos++;
                    }
                    if (pos >= end) {
                        return null;
                    }
                    valueEnd = pos;
                }
            }
            if (keepAttributes) {
                keep(tag, attrStart, attrEnd, valueStart, valueEnd);
            }
        }
    }

    private void keep(Tag tag, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (tag.href == null && named("href", nameStart, nameEnd)) {
            tag.href = value(valueStart, valueEnd);
        } else if (tag.src == null && named("src", nameStart, nameEnd)) {
            tag.src = value(valueStart, valueEnd);
        } else if (tag.id == null && named("id", nameStart, nameEnd)) {
            tag.id = value(valueStart, valueEnd);
        } else if (tag.anchorName == null && named("name", nameStart, nameEnd)) {
            tag.anchorName = value(valueStart, valueEnd);
        } else if (tag.encoding == null && named("encoding", nameStart, nameEnd)) {
            tag.encoding = value(valueStart, valueEnd);
        } else if (named("color", nameStart, nameEnd) || named("face", nameStart, nameEnd) || named("size", nameStart, nameEnd)) {
            tag.fontStyle = true;
        }
    }

    private boolean named(String attribute, int from, int to) {
        return to - from == attribute.length() && html.regionMatches(true, from, attribute, 0, attribute.length());
    }

    /** An attribute value as the DOM holds it: NUL replaced, character references decoded. */
    private String value(int from, int to) {
        String raw = html.substring(from, to).replace('\0', '\uFFFD');
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    }

    /** Where the content of a text-only element ends: at {@code </name} followed by space, '/' or '>'. */
    private int textEnd(int from, String name) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (closes(i, name)) {
                return i;
            }
        }
        if (name.equals("title") || name.equals("textarea")) {
            // jsoup: a title or textarea never closed ends at the first tag after the last "</title" (lower or upper case)
            String close = "</" + name;
            int last = Math.max(html.lastIndexOf(close), html.lastIndexOf(close.toUpperCase(Locale.ROOT)));
            for (int i = html.indexOf('<', Math.max(from, last + 1)); i >= 0 && i + 1 < end; i = html.indexOf('<', i + 1)) {
                if (isAsciiLetter(html.charAt(i + 1))) {
                    return i;
                }
            }
        }
        return end;
    }

    private boolean closes(int at, String name) {
        int after = at + 2 + name.length();
        return after < end && html.startsWith("</", at) && html.regionMatches(true, at + 2, name, 0, name.length())
                && endsName(html.charAt(after));
    }

    /**
     * Where a script's content ends. Inside {@code <!--} a {@code <script>} starts a nested
     * ("double escaped") section in which {@code </script>} does not end the script; {@code -->}
     * leaves both (the HTML tokenizer's script data states).
     */
    private int scriptEnd(int from) {
        final int data = 0;
        final int escaped = 1;
        final int doubleEscaped = 2;
        int state = data;
        int dashes = 0;
        int i = from;
        while (i < end) {
            char c = html.charAt(i);
            if (c == '<') {
                dashes = 0;
                if (state != doubleEscaped && closes(i, "script")) {
                    return i;
                }
                if (state == data && html.startsWith("<!--", i)) {
                    state = escaped;
                    dashes = 2;
                    i += 4;
                    continue;
                }
                if (state == escaped && opensScript(i)) {
                    state = doubleEscaped;
                    i += 8;
                    continue;
                }
                if (state == doubleEscaped && closes(i, "script")) {
                    state = escaped;
                    i += 9;
                    continue;
                }
            } else if (c == '-') {
                dashes++;
            } else {
                if (c == '>' && dashes >= 2) {
                    state = data;
                }
                dashes = 0;
            }
            i++;
        }
        return end;
    }

    private boolean opensScript(int at) {
        return at + 7 < end && html.regionMatches(true, at + 1, "script", 0, 6) && endsName(html.charAt(at + 7));
    }

    private int skipPast(String marker, int from) {
        int at = html.indexOf(marker, from);
        return at < 0 ? end : at + marker.length();
    }

    private void skipWhitespace() {
        while (pos < end && isWhitespace(html.charAt(pos))) {
            pos++;
        }
    }

    private static boolean endsName(char c) {
        return isWhitespace(c) || c == '/' || c == '>';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
