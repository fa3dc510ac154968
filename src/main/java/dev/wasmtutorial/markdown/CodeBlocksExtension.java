package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SitePaths;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.SiteLayout;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Fenced code: a {@code language-} class, the code of a file named by {@code include=} (with
 * {@code region=}) under a caption linking to the file when the site publishes it, and Mermaid
 * diagrams as {@code <pre class="mermaid">}. {@link PythonRunnerExtension} is registered after
 * this one, so its fence handler runs first and delegates every fence that is not a runner here.
 */
final class CodeBlocksExtension extends NodeRenderingExtension {

    private final SiteLayout layout;
    private final Path projectRoot;

    private CodeBlocksExtension(SiteLayout layout, Path projectRoot) {
        this.layout = layout;
        this.projectRoot = projectRoot;
    }

    static CodeBlocksExtension create(SiteLayout layout, Path projectRoot) {
        return new CodeBlocksExtension(layout, projectRoot);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        Set<NodeRenderingHandler<?>> handlers = Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::fencedCode));
        builder.nodeRendererFactory(options -> () -> handlers);
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
        if (state != null) {
            checkOptions(block, info, state);
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

    /** What a code fence may say besides its language; anything else is a typo that would be ignored silently. */
    private static final List<String> OPTIONS = List.of("include", "region");

    private static void checkOptions(FencedCodeBlock block, IncludeDirective.Info info, PageRenderState state) {
        String problem = info.optionProblem("code block", OPTIONS);
        String hint = "a code block takes include=\"FILE\" and region=\"NAME\"; a live Python example is ```python runner";
        if (problem == null && PythonExample.isOutput(block)) {
            problem = "an ```output block must come right after the ```python runner block whose output it is";
            hint = "put it under its runner, or mark the block as plain text (```text)";
        } else if (problem == null && info.attributes().containsKey("region") && !info.attributes().containsKey("include")) {
            problem = "region= without include=";
            hint = "name the file the region is in: include=\"FILE\" region=\"NAME\"";
        }
        if (problem != null) {
            throw new BuildException(new SourceLocation(state.display(), state.fileLine(block)), problem, hint);
        }
    }

    private String caption(Path file, PageRenderState state) {
        String name = Escaping.escapeHtml(SitePaths.slashes(projectRoot.relativize(file)), false);
        return layout.outputPathOf(file)
                .map(p -> "<a href=\"" + Escaping.escapeHtml(SiteLayout.relativeUrl(state.page.outputPath(), p), true)
                        + "\"><code>" + name + "</code></a>")
                .orElse("<code>" + name + "</code>");
    }
}
