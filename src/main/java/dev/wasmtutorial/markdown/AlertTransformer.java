package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.config.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces each block quote that starts with GitHub's alert marker ({@code [!NOTE]},
 * {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]}, {@code [!CAUTION]}) by an
 * {@link AlertBlock}, dropping the marker. An unknown marker is left as a quote, with a warning.
 */
final class AlertTransformer {

    private static final Pattern MARKER = Pattern.compile("^\\[!([A-Za-z]+)]\\s*$");

    private AlertTransformer() {
    }

    static void apply(Document document, PageRenderState state, Diagnostics diagnostics) {
        List<BlockQuote> quotes = new ArrayList<>();
        collect(document, quotes);
        for (BlockQuote quote : quotes) {
            if (!(quote.getFirstChild() instanceof Paragraph first)) {
                continue;
            }
            // Flexmark sees "[!NOTE]" as an (undefined) reference link, so match the paragraph's text.
            String firstLine = first.getChars().toString().split("\n", 2)[0];
            Matcher m = MARKER.matcher(firstLine);
            if (!m.matches()) {
                continue;
            }
            AlertBlock.Kind kind;
            try {
                kind = AlertBlock.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                diagnostics.warn(new SourceLocation(state.display(), state.fileLine(quote)),
                        "unknown alert type [!" + m.group(1) + "] (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)");
                continue;
            }
            // Drop the marker: every inline node up to and including the first line break.
            Node child = first.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                boolean lineEnd = child instanceof SoftLineBreak || child instanceof HardLineBreak;
                child.unlink();
                if (lineEnd) {
                    break;
                }
                child = next;
            }
            if (!first.hasChildren()) {
                first.unlink();
            }
            AlertBlock alert = new AlertBlock(BasedSequence.NULL, kind);
            alert.takeChildren(quote);
            quote.insertBefore(alert);
            quote.unlink();
        }
    }

    private static void collect(Node node, List<BlockQuote> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof BlockQuote quote) {
                out.add(quote);
            }
            collect(child, out);
        }
    }
}
