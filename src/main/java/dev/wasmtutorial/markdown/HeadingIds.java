package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/** Gives every heading its GitHub slug, in document order, and collects the table of contents. */
final class HeadingIds {

    private HeadingIds() {
    }

    static void assign(Document document, PageRenderState state) {
        GitHubSlugger slugger = new GitHubSlugger();
        visit(document, state, slugger);
    }

    private static void visit(Node node, PageRenderState state, GitHubSlugger slugger) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading heading) {
                String text = new TextCollectingVisitor().collectAndGetText(heading).strip();
                String id = slugger.slug(text);
                state.headingIds.put(heading, id);
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    state.toc.add(new TocEntry(heading.getLevel(), text, id));
                }
            }
            visit(child, state, slugger);
        }
    }
}
