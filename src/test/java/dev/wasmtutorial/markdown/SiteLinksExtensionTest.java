package dev.wasmtutorial.markdown;

import dev.wasmtutorial.content.SiteLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteLinksExtensionTest {

    @TempDir
    Path root;

    private OneExtension flexmark;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("content/guide"));
        flexmark = new OneExtension(new SiteLinksExtension(new LinkRewriter(new SiteLayout(root.resolve("content"), List.of()), root)));
    }

    @Test
    void aLinkToAMarkdownSourceBecomesALinkToItsPageAndIsRecordedWithItsLine() {
        String md = "Intro.\n\nRead [the guide](guide/start.md#setup) first.\n";
        PageRenderState state = OneExtension.stateFor(root, md);
        assertThat(flexmark.render(md, state, d -> { }))
                .isEqualTo("<p>Intro.</p>\n<p>Read <a href=\"guide/start.html#setup\">the guide</a> first.</p>\n");
        // Body from line 5 of the file: the link's paragraph is the body's third line.
        assertThat(state.links).containsExactly(new LinkRef(7, "guide/start.md#setup", "guide/start.html#setup"));
    }

    @Test
    void referenceLinksAreRewrittenButAnUndefinedReferenceStaysText() {
        String md = "See [the guide][g] and [!NOTE].\n\n[g]: guide/index.md\n";
        PageRenderState state = OneExtension.stateFor(root, md);
        assertThat(flexmark.render(md, state, d -> { }))
                .isEqualTo("<p>See <a href=\"guide/index.html\">the guide</a> and [!NOTE].</p>\n");
        assertThat(state.links).extracting(LinkRef::href).containsExactly("guide/index.html");
    }

    @Test
    void withoutPageStateLinksAreLeftAsWritten() {
        assertThat(flexmark.render("[x](a.md)\n")).isEqualTo("<p><a href=\"a.md\">x</a></p>\n");
    }
}
