package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;

import java.util.ArrayList;
import java.util.List;

/**
 * GFM autolinks (bare {@code https://…}, {@code www.…}, e-mail addresses) with flexmark's own
 * post-processor, run only on text that could contain one. flexmark's autolink extension scans
 * every text node with a full link extractor; on a 2,000-page corpus that was 20–40% of all
 * Markdown time, almost all of it on text without a link. It is also registered as a node
 * post-processor, which makes flexmark classify every node of every page first (2% of a cold
 * 2,000-page build's CPU time, by profile): this one walks the document itself instead.
 */
final class AutolinkCandidates implements Parser.ParserExtension {

    static AutolinkCandidates create() {
        return new AutolinkCandidates();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends DocumentPostProcessorFactory {
        @Override
        public DocumentPostProcessor apply(Document document) {
            return new Processor();
        }
    }

    private static final class Processor extends DocumentPostProcessor {
        @Override
        public Document processDocument(Document document) {
            // The text nodes as parsed, as flexmark's own node post-processing would visit them
            // (collected first: linking a text node splits it into new nodes).
            List<Text> candidates = new ArrayList<>();
            Node node = document.getFirstChild();
            while (node != null) {
                if (node instanceof Text text && mayHoldLink(text.getChars())) {
                    candidates.add(text);
                }
                node = next(node, document);
            }
            if (!candidates.isEmpty()) {
                AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
                candidates.forEach(text -> autolinks.process(NOT_TRACKED, text));
            }
            return document;
        }
    }

    /** The node after {@code node} in document order (depth first), or null at the end of {@code root}. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        while (node != root) {
            if (node.getNext() != null) {
                return node.getNext();
            }
            node = node.getParent();
        }
        return null;
    }

    /** Whether {@code s} contains "://", "www." or '@' (one pass: the text of almost every page is mostly prose). */
    static boolean mayHoldLink(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '@'
                    || c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/'
                    || c == 'w' && i + 3 < n && s.charAt(i + 1) == 'w' && s.charAt(i + 2) == 'w' && s.charAt(i + 3) == '.') {
                return true;
            }
        }
        return false;
    }

    /** Nothing else post-processes nodes after this, so what the autolinker adds needs no tracking. */
    private static final NodeTracker NOT_TRACKED = new NodeTracker() {
        @Override
        public void nodeAdded(Node node) {
        }

        @Override
        public void nodeAddedWithChildren(Node node) {
        }

        @Override
        public void nodeAddedWithDescendants(Node node) {
        }

        @Override
        public void nodeRemoved(Node node) {
        }

        @Override
        public void nodeRemovedWithChildren(Node node) {
        }

        @Override
        public void nodeRemovedWithDescendants(Node node) {
        }
    };
}
