package dev.wasmtutorial.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.EmbedTokenParser;
import io.pebbletemplates.pebble.tokenParser.IncludeTokenParser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Stops a template that includes itself (directly, through other templates, or through the one it
 * extends) after {@link #MAX} nested includes, instead of at a stack overflow. Each level of
 * include makes Pebble look variables up through one more scope, so the recursion slows down as it
 * deepens: {@code {% include "page" %}} inside {@code page.peb}'s block ran for more than two minutes on
 * the page threads' large stacks before this. A guarded recursion (a tree that includes itself for
 * each child) stays legal up to that depth. Pebble's own {@code include} and {@code embed} parse
 * the tags; this only counts, per thread, around their rendering.
 */
final class IncludeDepth extends AbstractExtension {

    /** Far deeper than any template tree needs, and reached in milliseconds. */
    static final int MAX = 100;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** Thrown when the includes nest deeper than {@link #MAX}; the renderer names the cycle. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("templates nested more than " + MAX + " includes deep", null, false, false);
        }
    }

    @Override
    public List<TokenParser> getTokenParsers() {
        return List.of(counted(new IncludeTokenParser()), counted(new EmbedTokenParser()));
    }

    private static TokenParser counted(TokenParser tag) {
        return new TokenParser() {
            @Override
            public String getTag() {
                return tag.getTag();
            }

            @Override
            public RenderableNode parse(Token token, Parser parser) {
                return new Counted(tag.parse(token, parser));
            }
        };
    }

    private record Counted(RenderableNode node) implements RenderableNode {
        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            int[] depth = DEPTH.get();
            if (depth[0] >= MAX) {
                throw new TooDeep();
            }
            depth[0]++;
            try {
                node.render(self, writer, context);
            } finally {
                depth[0]--;
            }
        }

        @Override
        public void accept(NodeVisitor visitor) {
            node.accept(visitor); // visitors see Pebble's own node
        }
    }
}
