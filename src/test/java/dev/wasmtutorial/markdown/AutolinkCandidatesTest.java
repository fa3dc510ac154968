package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutolinkCandidatesTest {

    private static String render(Extension autolinks, String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), autolinks));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    /** Whatever the text, the same HTML as flexmark's own autolink extension (which visits every text node). */
    @ParameterizedTest
    @ValueSource(strings = {
            "Visit https://example.org/a?b=c and www.example.com, or mail someone@example.org.",
            "In *emphasis https://example.org/em* and **www.bold.example** and `https://in.code/`.",
            "A [link with https://inside.example/](https://target.example/) and <https://angle.example/>.",
            "Trailing punctuation: (https://paren.example/x). Two: https://one.example https://two.example.",
            "WWW.UPPER.example, http://plain.example:8080/path#frag and ftp://files.example/ too.",
            "Escaped \\https://not.example and a:// and foo@ and @handle and w.w.w. and www",
            "| col | url |\n|---|---|\n| a | https://table.example/ |\n",
            "- item www.list.example\n- mail@list.example\n\n> quote https://quote.example/\n",
            "Line one https://break.example/  \nline two ada@example.org\n\n    https://indented.code/\n",
            "Nothing to link here: just prose about linear memory, imports and exports.",
    })
    void rendersWhatFlexmarksAutolinkExtensionRenders(String markdown) {
        assertThat(render(AutolinkCandidates.create(), markdown)).isEqualTo(render(AutolinkExtension.create(), markdown));
    }

    @Test
    void aBareAddressBecomesALink() {
        assertThat(render(AutolinkCandidates.create(), "see https://example.org/x"))
                .isEqualTo("<p>see <a href=\"https://example.org/x\">https://example.org/x</a></p>\n");
    }

    @Test
    void onlyTextWithASchemeSeparatorAWwwPrefixOrAnAtSignIsACandidate() {
        assertThat(AutolinkCandidates.mayHoldLink("a https://b")).isTrue();
        assertThat(AutolinkCandidates.mayHoldLink("www.example.org")).isTrue();
        assertThat(AutolinkCandidates.mayHoldLink("ada@example.org")).isTrue();
        assertThat(AutolinkCandidates.mayHoldLink("ends with ://")).isTrue();
        assertThat(AutolinkCandidates.mayHoldLink("a: / / ww. w.w.w. www")).isFalse();
        assertThat(AutolinkCandidates.mayHoldLink("")).isFalse();
    }
}
