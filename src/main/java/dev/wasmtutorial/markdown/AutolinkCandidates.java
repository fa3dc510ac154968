package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * GFM autolinks (bare {@code https://…}, {@code www.…}, e-mail addresses) with flexmark's own
 * post-processor, run only on text that could contain one. flexmark's autolink extension scans
 * every text node with a full link extractor; on a 2,000-page corpus that was 20–40% of all
 * Markdown time, almost all of it on text without a link.
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

    /** Same registration as flexmark's autolink factory: every text node. */
    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor(document);
        }
    }

    private static final class Processor extends NodePostProcessor {
        private final Document document;
        private AutolinkNodePostProcessor autolinks;

        Processor(Document document) {
            this.document = document;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            BasedSequence text = node.getChars();
            if (text.indexOf("://") < 0 && text.indexOf("www.") < 0 && text.indexOf('@') < 0) {
                return; // nothing here can become a link
            }
            if (autolinks == null) {
                autolinks = new AutolinkNodePostProcessor(document);
            }
            autolinks.process(state, node);
        }
    }
}
