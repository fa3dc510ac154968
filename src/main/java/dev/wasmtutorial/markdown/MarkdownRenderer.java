package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.SiteLayout;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * GitHub-flavoured Markdown to HTML with our extensions. Thread-safe: one instance renders all
 * pages in parallel (flexmark's parser and renderer are immutable; per-page state lives in
 * each document). Rendering depends only on the page and the files it includes, and reports its
 * warnings in the result, so a result can be reused while those are unchanged.
 */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Page warmUpPage;

    public MarkdownRenderer(SiteLayout layout, Path projectRoot) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                TaskListExtension.create(),
                StrikethroughExtension.create(),
                AutolinkCandidates.create()));
        // GitHub table semantics: no column spans, header row required, separator may be short.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        // Speed only, same HTML: HeadingIds gives headings their ids, so flexmark's own id
        // generator (a pass over every heading) is not needed; and our output is never
        // re-indented or whitespace-trimmed, so the writer can pass text through instead of
        // examining it character by character (a quarter of the renderer's time).
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
        this.parser = Parser.builder(options).build();
        this.warmUpPage = new Page(projectRoot.resolve("warm-up.md"), "warm-up.md", "warm-up.html",
                new FrontMatter("Warm-up", "A sample page", null, false, FrontMatter.DEFAULT_TEMPLATE), WARM_UP_PAGE, 1);
        LinkRewriter rewriter = new LinkRewriter(layout, projectRoot);
        this.renderer = HtmlRenderer.builder(options)
                .extensions(List.of(
                        TablesExtension.create(),
                        TaskListExtension.create(),
                        StrikethroughExtension.create(),
                        PlainTextExtension.create(),
                        HeadingAnchorsExtension.create(),
                        AlertsExtension.create(),
                        new SiteLinksExtension(rewriter),
                        // Order matters here only: the runner's fence handler, registered last,
                        // runs first and delegates every other fence to the code blocks'.
                        CodeBlocksExtension.create(layout, projectRoot),
                        PythonRunnerExtension.create()))
                .build();
    }

    /**
     * Renders a small page with the usual constructs once and throws the result away, so that the
     * classes and first compiled code a real page needs are ready before the build asks for it
     * (see {@code SiteBuilder}: this runs on a spare core while the content loads).
     */
    public void warmUp() {
        render(warmUpPage);
    }

    private static final String WARM_UP_PAGE = """
            # A heading

            Text with *emphasis*, **strong**, `code`, ~~struck~~, a [link](#a-heading),
            an [external one](https://example.org/) and https://example.org/bare.

            ## A list

            - one
            - [x] done
              1. nested

            > A quote.

            | a | b |
            |---|---|
            | 1 | 2 |

            ```c
            int main(void) { return 0; }
            ```
            """;

    public RenderedMarkdown render(Page page) {
        Document document = parser.parse(page.markdown());
        PageRenderState state = new PageRenderState(page);
        document.set(PageRenderState.KEY, state);
        Diagnostics diagnostics = new Diagnostics();
        AlertTransformer.apply(document, state, diagnostics);
        HeadingIds.assign(document, state);
        String html = renderer.render(document);
        return new RenderedMarkdown(html, List.copyOf(state.toc), List.copyOf(state.links), Set.copyOf(state.includes),
                state.hasDiagram, diagnostics.warnings());
    }
}
