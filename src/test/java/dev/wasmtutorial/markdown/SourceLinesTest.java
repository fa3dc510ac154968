package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** SourceLines agrees with flexmark's own line numbers at every offset, whatever the line ends. */
class SourceLinesTest {

    private static void assertSameAsFlexmark(String text) {
        Document document = Parser.builder().build().parse(text);
        SourceLines lines = new SourceLines(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            assertThat(lines.lineOf(offset)).as("offset %d of %s", offset, text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(document.getLineNumber(offset));
        }
    }

    @Test
    void handWrittenCases() {
        assertSameAsFlexmark("");
        assertSameAsFlexmark("one line");
        assertSameAsFlexmark("a\nb\n");
        assertSameAsFlexmark("\n\n\n");
        assertSameAsFlexmark("a\r\nb\r\n\r\nc");
        assertSameAsFlexmark("a\rb\r\rc\r");
        assertSameAsFlexmark("# Title\n\nText with [a link](x.md).\r\n\r\n- item\r- item\n");
    }

    @Test
    void randomTextsWithMixedLineEnds() {
        Random random = new Random(11);
        String[] pieces = {"a", "bc", " ", "\n", "\r\n", "\r", "# h", "[l](x.md)", "\n\n"};
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAsFlexmark(text.toString());
        }
    }
}
