package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.Set;

/**
 * Text as flexmark renders it (backslash escapes and entities resolved, line endings made
 * {@code \n}, then {@code & < > "} escaped), without running its regular expressions over text
 * that none of them would change: most text of most pages. flexmark runs three passes and two
 * regular expressions over every text node (3% of a cold 2,000-page build's CPU time, by profile);
 * a text holding any character they act on still goes their way, so the HTML is the same.
 */
final class PlainTextExtension extends NodeRenderingExtension {

    private PlainTextExtension() {
    }

    static PlainTextExtension create() {
        return new PlainTextExtension();
    }

    /** Stateless: one set for every page. */
    private static final Set<NodeRenderingHandler<?>> HANDLERS = Set.of(new NodeRenderingHandler<>(Text.class, PlainTextExtension::text));

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> () -> HANDLERS);
    }

    private static void text(Text node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        String text = chars.toString();
        if (isPlain(text)) {
            html.raw(text);
        } else {
            html.text(Escaping.normalizeEOL(chars.unescape())); // flexmark's own CoreNodeRenderer.render(Text)
        }
    }

    /**
     * Whether {@code s} has none of the characters flexmark's text rendering changes: a backslash or
     * {@code &} (escapes, entities), {@code \r} (line endings), {@code < > " &} (HTML), NUL.
     */
    static boolean isPlain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            switch (s.charAt(i)) {
                case '\\', '&', '<', '>', '"', '\r', '\0' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }
}
