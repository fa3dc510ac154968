package dev.wasmtutorial.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pebble reports a missing {@code {% endif %}} where it gives up — at the next end tag of another
 * kind, often the template's last line. This finds the tag that was left open instead.
 */
final class UnclosedTag {

    /** Tags that need an end tag ({@code {% if %}} … {@code {% endif %}}). */
    private static final Set<String> PAIRED = Set.of("if", "for", "block", "macro", "filter", "autoescape", "embed", "cache", "parallel", "verbatim");
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)");
    static final Pattern UNEXPECTED_END = Pattern.compile("Unexpected tag name \"(end\\w+)\"");
    /** Pebble reached the end of the file with a tag open: it names the end tag it wanted. */
    static final Pattern END_OF_TEMPLATE = Pattern.compile("Unexpected end of template\\. Pebble was looking for the \"(end\\w+)\" tag");

    /** The open tag and the line it was opened on. */
    record Open(String tag, int line) {
    }

    private UnclosedTag() {
    }

    /** The innermost tag still open when {@code unexpectedEnd} was met on {@code endLine}, if it is not the one that end closes. */
    static Optional<Open> find(List<String> lines, int endLine, String unexpectedEnd) {
        Deque<Open> open = new ArrayDeque<>();
        for (int i = 0; i < Math.min(endLine, lines.size()); i++) {
            Matcher m = TAG.matcher(lines.get(i));
            while (m.find()) {
                String tag = m.group(1);
                boolean lastLine = i == endLine - 1;
                if (PAIRED.contains(tag)) {
                    open.push(new Open(tag, i + 1));
                } else if (tag.startsWith("end") && PAIRED.contains(tag.substring(3))) {
                    if (lastLine && tag.equals(unexpectedEnd)) {
                        Open top = open.peek();
                        return top == null || tag.equals("end" + top.tag()) ? Optional.empty() : Optional.of(top);
                    }
                    if (!open.isEmpty() && tag.equals("end" + open.peek().tag())) {
                        open.pop();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The innermost tag of the kind {@code wantedEnd} closes that is still open at the end of the file. */
    static Optional<Open> openAtEnd(List<String> lines, String wantedEnd) {
        Deque<Open> open = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TAG.matcher(lines.get(i));
            while (m.find()) {
                String tag = m.group(1);
                if (PAIRED.contains(tag)) {
                    open.push(new Open(tag, i + 1));
                } else if (tag.startsWith("end") && !open.isEmpty() && tag.equals("end" + open.peek().tag())) {
                    open.pop();
                }
            }
        }
        return open.stream().filter(o -> wantedEnd.equals("end" + o.tag())).findFirst();
    }
}
