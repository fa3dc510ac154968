package dev.wasmtutorial.markdown;

import java.util.Arrays;

/**
 * Line numbers of offsets in a text, by binary search over where its lines start. flexmark's own
 * {@code Node.getStartLineNumber()} scans the text from its start on every call, which made
 * reporting the line of every link on a page quadratic in the page's length (3% of a cold build's
 * CPU time). Line ends are those flexmark counts: {@code \n}, {@code \r\n} and a lone {@code \r}.
 */
final class SourceLines {

    /** Offsets at which a line after the first starts, ascending. */
    private final int[] starts;

    SourceLines(CharSequence text) {
        int[] found = new int[16];
        int count = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, count);
    }

    /** The 0-based line that {@code offset} is on (an offset on a line end belongs to that line). */
    int lineOf(int offset) {
        int at = Arrays.binarySearch(starts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
