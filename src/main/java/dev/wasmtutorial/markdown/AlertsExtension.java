package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;

import java.util.Locale;
import java.util.Set;

/**
 * GitHub alerts ({@code > [!NOTE]} and its kin), which {@link AlertTransformer} turned into
 * {@link AlertBlock}s, as callouts: a titled {@code div} with the quote's content.
 */
final class AlertsExtension extends NodeRenderingExtension {

    private AlertsExtension() {
    }

    static AlertsExtension create() {
        return new AlertsExtension();
    }

    /** Stateless: one set for every page. */
    private static final Set<NodeRenderingHandler<?>> HANDLERS = Set.of(new NodeRenderingHandler<>(AlertBlock.class, AlertsExtension::alert));

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> () -> HANDLERS);
    }

    private static void alert(AlertBlock alert, NodeRendererContext context, HtmlWriter html) {
        String kind = alert.kind().name().toLowerCase(Locale.ROOT);
        html.line();
        html.raw("<div class=\"callout callout-" + kind + "\" role=\"note\">");
        html.raw("<p class=\"callout-title\">" + alert.kind().label + "</p>");
        html.line();
        context.renderChildren(alert);
        html.raw("</div>");
        html.line();
    }
}
