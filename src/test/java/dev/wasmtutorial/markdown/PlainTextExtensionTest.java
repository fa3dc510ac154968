package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextExtensionTest {

    private static String render(List<Extension> extensions, String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return HtmlRenderer.builder(options).extensions(extensions).build().render(Parser.builder(options).build().parse(markdown));
    }

    @Test
    void plainTextIsWrittenAsItIs() {
        assertThat(render(List.of(PlainTextExtension.create()), "Just *some* words.\n"))
                .isEqualTo("<p>Just <em>some</em> words.</p>\n");
    }

    @Test
    void escapesEntitiesAndHtmlCharactersComeOutAsFlexmarkWritesThem() {
        String markdown = "a \\* b &amp; c &copy; d &#35; e < f > g \" h & i\r\nnext \\\\ line\rlast\n";
        assertThat(render(List.of(PlainTextExtension.create()), markdown))
                .isEqualTo("<p>a * b &amp; c © d # e &lt; f &gt; g &quot; h &amp; i\nnext \\ line\nlast</p>\n")
                .isEqualTo(render(List.of(), markdown));
    }

    /** Random text over the characters that matter to Markdown and HTML: the same HTML as flexmark's own text rendering. */
    @Test
    void rendersWhatFlexmarkRendersForRandomText() {
        String[] pieces = {"a", "b", " ", " ", "\n", "\n\n", "\r\n", "\r", "\\", "&", "&amp;", "&copy;", "&#35;", "&#x41;", "&bogus;",
                "<", ">", "\"", "'", "*", "_", "`", "[", "]", "(", ")", "#", "- ", "1. ", "> ", "|", "!", "\0", "é", "www.x.org", "é\u00a0"};
        Random random = new Random(20261128);
        for (int doc = 0; doc < 3000; doc++) {
            StringBuilder markdown = new StringBuilder();
            for (int i = random.nextInt(60); i >= 0; i--) {
                markdown.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = markdown.toString();
            assertThat(render(List.of(PlainTextExtension.create()), text)).as("%s", text.replace("\r", "\\r").replace("\0", "\\0"))
                    .isEqualTo(render(List.of(), text));
        }
    }

    @Test
    void onlyTextWithoutCharactersFlexmarkChangesIsPlain() {
        assertThat(PlainTextExtension.isPlain("words, numbers 1-2 and é")).isTrue();
        for (String special : List.of("\\", "&", "<", ">", "\"", "\r", "\0")) {
            assertThat(PlainTextExtension.isPlain("a" + special + "b")).as(special).isFalse();
        }
    }
}
