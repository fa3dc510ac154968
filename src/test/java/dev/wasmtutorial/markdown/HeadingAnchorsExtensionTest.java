package dev.wasmtutorial.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingAnchorsExtensionTest {

    @TempDir
    Path root;

    private final OneExtension flexmark = new OneExtension(HeadingAnchorsExtension.create());

    @Test
    void aHeadingWithAnIdGetsItAndAVisibleAnchorAfterItsText() {
        String md = "## Deeper `code` & more\n";
        PageRenderState state = OneExtension.stateFor(root, md);
        assertThat(flexmark.render(md, state, OneExtension.headingIds(state))).isEqualTo(
                "<h2 id=\"deeper-code--more\">Deeper <code>code</code> &amp; more"
                        + "<a class=\"heading-anchor\" data-pagefind-ignore href=\"#deeper-code--more\" aria-label=\"Link to this section\">#</a></h2>\n");
    }

    @Test
    void repeatedHeadingsGetNumberedIdsAsOnGitHub() {
        String md = "# Setup\n\n# Setup\n";
        PageRenderState state = OneExtension.stateFor(root, md);
        assertThat(flexmark.render(md, state, OneExtension.headingIds(state)))
                .contains("<h1 id=\"setup\">").contains("<h1 id=\"setup-1\">").contains("href=\"#setup-1\"");
    }

    @Test
    void withoutPageStateAHeadingRendersPlainly() {
        assertThat(flexmark.render("### Plain\n")).isEqualTo("<h3>Plain</h3>\n");
    }
}
