package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.wasmtutorial.config.SourceLocation;

/**
 * Links as the site publishes them: each link's target rewritten by {@link LinkRewriter} (a
 * {@code .md} source to its page, paths relative to the page's output) and recorded with its
 * source line in the page's {@link PageRenderState}, for the link check to report.
 */
final class SiteLinksExtension implements HtmlRenderer.HtmlRendererExtension {

    private final LinkRewriter linkRewriter;

    SiteLinksExtension(LinkRewriter linkRewriter) {
        this.linkRewriter = linkRewriter;
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return SiteLinksExtension.this::resolveLink;
            }
        });
    }

    private ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        PageRenderState state = PageRenderState.KEY.get(context.getDocument());
        if (state == null) {
            return link;
        }
        // An undefined reference such as [!NOTE] is text, not a link: leave it to flexmark.
        if (node instanceof RefNode ref && !ref.isDefined()) {
            return link;
        }
        String original = link.getUrl();
        int line = state.fileLine(node);
        String href = linkRewriter.rewrite(original, state.page.source(), state.page.outputPath(),
                new SourceLocation(state.display(), line));
        state.links.add(new LinkRef(line, original, href));
        return link.withUrl(href).withStatus(LinkStatus.VALID);
    }
}
