package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Page;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * flexmark with nothing but one of our HTML extensions (and the same soft-break setting as the
 * site), so each extension's test shows what that extension alone renders.
 */
final class OneExtension {

    private final HtmlRenderer.HtmlRendererExtension extension;

    OneExtension(HtmlRenderer.HtmlRendererExtension extension) {
        this.extension = extension;
    }

    /** A page at {@code content/page.md} (published as {@code page.html}) under {@code root}, body from line 5. */
    static PageRenderState stateFor(Path root, String markdown) {
        return new PageRenderState(new Page(root.resolve("content/page.md"), "content/page.md", "page.html",
                new FrontMatter("T", "d", 1, true, "page"), markdown, 5));
    }

    /** Renders without page state (as flexmark would for any caller). */
    String render(String markdown) {
        return render(markdown, null, document -> { });
    }

    /** Renders with {@code state} in the document, after {@code prepare} (the document steps the site runs first). */
    String render(String markdown, PageRenderState state, Consumer<Document> prepare) {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        Document document = Parser.builder(options).build().parse(markdown);
        if (state != null) {
            document.set(PageRenderState.KEY, state);
        }
        prepare.accept(document);
        return HtmlRenderer.builder(options).extensions(List.of(extension)).build().render(document);
    }

    static Consumer<Document> alerts(PageRenderState state) {
        return document -> AlertTransformer.apply(document, state, new Diagnostics());
    }

    static Consumer<Document> headingIds(PageRenderState state) {
        return document -> HeadingIds.assign(document, state);
    }
}
