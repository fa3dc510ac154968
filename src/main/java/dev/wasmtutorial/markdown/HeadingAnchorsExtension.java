package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.Set;


/**
 * Headings with the GitHub-style id that {@link HeadingIds} gave them and a visible {@code #}
 * anchor linking to it; a heading without an id (no page state) renders plainly.
 */
final class HeadingAnchorsExtension extends NodeRenderingExtension {

    private HeadingAnchorsExtension() {
    }

    static HeadingAnchorsExtension create() {
        return new HeadingAnchorsExtension();
    }

    /** Stateless: one set for every page. */
    private static final Set<NodeRenderingHandler<?>> HANDLERS = Set.of(new NodeRenderingHandler<>(Heading.class, HeadingAnchorsExtension::heading));

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> () -> HANDLERS);
    }

    private static void heading(Heading heading, NodeRendererContext context, HtmlWriter html) {
        PageRenderState state = PageRenderState.KEY.get(context.getDocument());
        String id = state == null ? null : state.headingIds.get(heading);
        String tag = "h" + heading.getLevel();
        html.line();
        if (id == null) {
            html.raw("<" + tag + ">");
            context.renderChildren(heading);
            html.raw("</" + tag + ">");
        } else {
            html.raw("<" + tag + " id=\"" + Escaping.escapeHtml(id, true) + "\">");
            context.renderChildren(heading);
            html.raw("<a class=\"heading-anchor\" data-pagefind-ignore href=\"#" + Escaping.escapeHtml(id, true)
                    + "\" aria-label=\"Link to this section\">#</a>");
            html.raw("</" + tag + ">");
        }
        html.line();
    }
}
