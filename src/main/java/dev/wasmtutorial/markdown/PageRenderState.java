package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import dev.wasmtutorial.content.Page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the renderers learn while rendering one page. Stored in the flexmark document, so each
 * page (rendered on its own thread) has its own.
 */
final class PageRenderState {

    static final NullableDataKey<PageRenderState> KEY = new NullableDataKey<>("WASM_TUTORIAL_PAGE_STATE");

    final Page page;
    final Map<Heading, String> headingIds = new IdentityHashMap<>();
    final List<TocEntry> toc = new ArrayList<>();
    final List<LinkRef> links = new ArrayList<>();
    final Set<Path> includes = new LinkedHashSet<>();
    boolean hasDiagram;
    private SourceLines lines;

    PageRenderState(Page page) {
        this.page = page;
    }

    String display() {
        return page.display();
    }

    /** The 1-based line in the source file (front matter included) where a node starts. */
    int fileLine(Node node) {
        if (lines == null) {
            lines = new SourceLines(page.markdown()); // the text the document was parsed from
        }
        return page.bodyLine() + lines.lineOf(node.getStartOffset());
    }
}
