package dev.wasmtutorial.markdown;

import dev.wasmtutorial.config.SitePaths;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.SiteLayout;

import java.nio.file.Path;
import java.util.Set;

/**
 * Our HTML rendering on top of flexmark's: headings with GitHub ids and a visible anchor,
 * fenced code with language classes, includes and Mermaid diagrams, alert callouts, and link
 * rewriting. Per-page data comes from the {@link PageRenderState} stored in the document.
 */
final class SiteHtmlExtension implements HtmlRenderer.HtmlRendererExtension {

    private final LinkRewriter linkRewriter;
    private final SiteLayout layout;
    private final Path projectRoot;

    SiteHtmlExtension(LinkRewriter linkRewriter, SiteLayout layout, Path projectRoot) {
        this.linkRewriter = linkRewriter;
        this.layout = layout;
        this.projectRoot = projectRoot;
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderers());
        builder.linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return SiteHtmlExtension.this::resolveLink;
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

    private final class Renderers implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Heading.class, this::heading),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::fencedCode),
                    new NodeRenderingHandler<>(AlertBlock.class, this::alert));
        }

        private void heading(Heading heading, NodeRendererContext context, HtmlWriter html) {
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

        private void fencedCode(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
            PageRenderState state = PageRenderState.KEY.get(context.getDocument());
            IncludeDirective.Info info = IncludeDirective.Info.parse(block.getInfo().toString());
            String language = info.language();
            html.line();
            if (language.equals("mermaid")) {
                if (state != null) {
                    state.hasDiagram = true;
                }
                html.rawPre("<pre class=\"mermaid\">" + Escaping.escapeHtml(block.getContentChars().toString(), false) + "</pre>");
                html.line();
                return;
            }
            String code = block.getContentChars().toString();
            String caption = null;
            String include = info.attributes().get("include");
            if (include != null && state != null) {
                SourceLocation where = new SourceLocation(state.display(), state.fileLine(block));
                IncludeDirective.Included included = IncludeDirective.load(include, info.attributes().get("region"),
                        state.page.source(), projectRoot, where);
                state.includes.add(included.file());
                code = included.code() + "\n";
                caption = caption(included.file(), state);
            }
            String cls = language.isEmpty() ? "" : " class=\"language-" + Escaping.escapeHtml(language, true) + "\"";
            if (caption != null) {
                html.raw("<figure class=\"code-include\"><figcaption>" + caption + "</figcaption>");
            }
            // rawPre: flexmark's writer would otherwise re-indent the lines of the code.
            html.rawPre("<pre><code" + cls + ">" + Escaping.escapeHtml(code, false) + "</code></pre>");
            if (caption != null) {
                html.raw("</figure>");
            }
            html.line();
        }

        private String caption(Path file, PageRenderState state) {
            String name = Escaping.escapeHtml(SitePaths.slashes(projectRoot.relativize(file)), false);
            return layout.outputPathOf(file)
                    .map(p -> "<a href=\"" + Escaping.escapeHtml(SiteLayout.relativeUrl(state.page.outputPath(), p), true)
                            + "\"><code>" + name + "</code></a>")
                    .orElse("<code>" + name + "</code>");
        }

        private void alert(AlertBlock alert, NodeRendererContext context, HtmlWriter html) {
            String kind = alert.kind().name().toLowerCase(java.util.Locale.ROOT);
            html.line();
            html.raw("<div class=\"callout callout-" + kind + "\" role=\"note\">");
            html.raw("<p class=\"callout-title\">" + alert.kind().label + "</p>");
            html.line();
            context.renderChildren(alert);
            html.raw("</div>");
            html.line();
        }
    }
}
