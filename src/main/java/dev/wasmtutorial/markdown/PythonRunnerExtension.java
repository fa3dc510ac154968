package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.util.List;
import java.util.Set;


/**
 * Renders each {@link PythonExample} (a {@code python runner} fence and its {@code output} fence)
 * as one runner element, {@code [data-python-runner]}, that python-runner.js brings to life: the
 * code, Run/Stop (shown only once the script runs), a status line with the time limit, the
 * expected output and an area for the real one. Every other fence goes to the site's renderer.
 * Registered after {@link CodeBlocksExtension}, so its fence handler comes first and delegates.
 */
final class PythonRunnerExtension extends NodeRenderingExtension {

    private PythonRunnerExtension() {
    }

    static PythonRunnerExtension create() {
        return new PythonRunnerExtension();
    }

    /** Stateless: one set for every page. */
    private static final Set<NodeRenderingHandler<?>> HANDLERS = Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, PythonRunnerExtension::fence));

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> () -> HANDLERS);
    }

    /** What a runner fence may say after {@code python runner}; anything else is a typo that would be ignored silently. */
    private static final List<String> OPTIONS = List.of("files", "limit");

    private static void checkOptions(FencedCodeBlock fence, NodeRendererContext context) {
        String problem = IncludeDirective.Info.parse(fence.getInfo().toString()).optionProblem("Python runner", OPTIONS);
        if (problem == null) {
            return;
        }
        PageRenderState state = PageRenderState.KEY.get(context.getDocument());
        SourceLocation where = new SourceLocation(state == null ? "(page)" : state.display(), state == null ? 0 : state.fileLine(fence));
        throw new BuildException(where, problem, "a runner takes files=NAME,NAME (input files under content/) and limit=SECONDS");
    }

    private static void fence(FencedCodeBlock fence, NodeRendererContext context, HtmlWriter html) {
        // An output fence belongs to the runner before it, which has already rendered it.
        if (PythonExample.isOutput(fence) && fence.getPrevious() instanceof FencedCodeBlock previous
                && PythonExample.isRunner(previous.getInfo().toString())) {
            return;
        }
        if (!PythonExample.isRunner(fence.getInfo().toString())) {
            context.delegateRender();
            return;
        }
        checkOptions(fence, context);
        // Only for runners: flexmark finds a node's line by scanning the page from its start.
        PythonExample example = PythonExample.of(fence, fence.getStartLineNumber() + 1);
        html.line();
        html.raw("<div class=\"python-runner\" data-python-runner data-time-limit=\"" + example.limitSeconds() + "\""
                + (example.files().isEmpty() ? "" : " data-files=\"" + Escaping.escapeHtml(String.join(" ", example.files()), true) + "\"")
                + ">");
        html.raw("<div class=\"runner-toolbar\" hidden><button type=\"button\" class=\"runner-run\">Run</button>"
                + "<button type=\"button\" class=\"runner-stop\" disabled>Stop</button>"
                + "<span class=\"runner-status\" role=\"status\"></span></div>");
        html.raw("<progress class=\"runner-progress\" aria-label=\"Python download\" hidden></progress>");
        if (!example.files().isEmpty()) {
            html.raw("<p class=\"runner-label\">Input: " + String.join(", ", example.files().stream()
                    .map(f -> "<code>/" + Escaping.escapeHtml(f, false) + "</code>").toList()) + "</p>");
        }
        // The same markup as any code block, so the build's highlighter colours it too.
        html.raw("<div class=\"runner-code\" role=\"group\" tabindex=\"0\" aria-label=\"Python example (click or focus to edit)\">");
        html.rawPre("<pre><code class=\"language-python\">" + Escaping.escapeHtml(example.code(), false) + "</code></pre>");
        html.raw("</div>");
        if (example.expected() != null) {
            html.raw("<p class=\"runner-label\">Expected output</p>");
            html.rawPre("<pre class=\"runner-expected\"><code>" + Escaping.escapeHtml(example.expected(), false) + "</code></pre>");
        }
        html.raw("<div class=\"runner-result\" hidden><p class=\"runner-label\">Output</p>"
                + "<pre class=\"runner-output\" aria-live=\"polite\"></pre></div>");
        html.raw("</div>");
        html.line();
    }
}
