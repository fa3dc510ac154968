package dev.wasmtutorial.render;

import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MarkupEscapingTest {

    @Test
    void escapesTheFiveMarkupCharacters() {
        assertThat(MarkupEscaping.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
        assertThat(MarkupEscaping.escape("plain é 😀")).isEqualTo("plain é 😀");
    }

    /** The same text as Pebble's default strategy (unbescape) for random strings of ASCII, markup, entities, accents, emoji and control characters. */
    @Test
    void escapesAsPebblesDefaultStrategyDoes() {
        String[] pieces = {"a", " ", "&", "<", ">", "\"", "'", "&amp;", "&#39;", "é", "\u00a0", "😀", "\ud83d", "\n", "\t", "\0", "\u007f", "\u2028", "`", "=", "/"};
        Random random = new Random(20261128);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(MarkupEscaping.escape(text.toString())).isEqualTo(HtmlEscape.escapeHtml4Xml(text.toString()));
        }
    }
}
