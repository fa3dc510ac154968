package dev.wasmtutorial.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsExtensionTest {

    @TempDir
    Path root;

    private final OneExtension flexmark = new OneExtension(AlertsExtension.create());

    private String render(String md) {
        PageRenderState state = OneExtension.stateFor(root, md);
        return flexmark.render(md, state, OneExtension.alerts(state));
    }

    @Test
    void anAlertBecomesATitledCalloutWithTheQuotesContent() {
        assertThat(render("> [!WARNING]\n> Untrusted code *never* reaches the disk.\n")).isEqualTo(
                "<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p>\n"
                        + "<p>Untrusted code <em>never</em> reaches the disk.</p>\n</div>\n");
    }

    @Test
    void everyKindHasItsOwnClassAndTitle() {
        for (AlertBlock.Kind kind : AlertBlock.Kind.values()) {
            String html = render("> [!" + kind.name() + "]\n> text\n");
            assertThat(html).startsWith("<div class=\"callout callout-" + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + "\" role=\"note\"><p class=\"callout-title\">" + kind.label + "</p>");
        }
    }

    @Test
    void aQuoteWithoutAMarkerStaysAQuote() {
        assertThat(render("> just a quote\n")).isEqualTo("<blockquote>\n<p>just a quote</p>\n</blockquote>\n");
    }
}
