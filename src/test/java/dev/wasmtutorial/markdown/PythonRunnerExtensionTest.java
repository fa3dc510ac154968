package dev.wasmtutorial.markdown;

import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.content.SiteLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PythonRunnerExtensionTest {

    @TempDir
    Path root;

    private String render(String markdown) {
        MarkdownRenderer renderer = new MarkdownRenderer(new SiteLayout(root.resolve("content"), List.of()), root);
        return renderer.render(new Page(root.resolve("content/p.md"), "content/p.md", "p.html",
                new FrontMatter("T", "d", 1, true, "page"), markdown, 5)).html();
    }

    @Test
    void aRunnerFenceAndItsOutputFenceBecomeOneRunnerElement() {
        String html = render("""
                Text.

                ```python runner files=data/orders.csv limit=3
                if 1 < 2:
                    print("<ok>")
                ```
                ```output
                <ok>
                ```
                """);
        assertThat(html).contains("<div class=\"python-runner\" data-python-runner data-time-limit=\"3\" data-files=\"data/orders.csv\">")
                .contains("<pre><code class=\"language-python\">if 1 &lt; 2:\n    print(&quot;&lt;ok&gt;&quot;)\n</code></pre>")
                .contains("<pre class=\"runner-expected\"><code>&lt;ok&gt;\n</code></pre>")
                .contains("<button type=\"button\" class=\"runner-run\">Run</button>")
                .contains("<code>/data/orders.csv</code>");
        // The output fence is part of the runner, not a code block of its own.
        assertThat(html).doesNotContain("language-output");
        assertThat(html.indexOf("runner-expected")).isEqualTo(html.lastIndexOf("runner-expected"));
    }

    @Test
    void otherFencesRenderAsBefore() {
        String html = render("""
                ```python
                print(1)
                ```

                ```text
                1
                ```
                """);
        assertThat(html).doesNotContain("data-python-runner")
                .contains("<pre><code class=\"language-python\">print(1)\n</code></pre>")
                .contains("<pre><code class=\"language-text\">1\n</code></pre>");
    }

    /** Typos in a runner's options, and an output block whose runner is misspelt, would otherwise pass silently. */
    @Test
    void unknownRunnerOptionsAndOrphanOutputBlocksFailWithFileAndLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> render("Text.\n\n```python runner timeout=5\nprint(1)\n```\n```output\n1\n```\n"))
                .isInstanceOf(dev.wasmtutorial.config.BuildException.class)
                .satisfies(e -> assertThat(((dev.wasmtutorial.config.BuildException) e).oneLine())
                        .startsWith("content/p.md:7: error: unknown Python runner option 'timeout='"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> render("```python runner file=data/a.csv\nprint(1)\n```\n```output\n1\n```\n"))
                .satisfies(e -> assertThat(((dev.wasmtutorial.config.BuildException) e).oneLine()).contains("(did you mean 'files'?)"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> render("```pyhton runner\nprint(1)\n```\n```output\n1\n```\n"))
                .satisfies(e -> assertThat(((dev.wasmtutorial.config.BuildException) e).oneLine())
                        .startsWith("content/p.md:8: error: an ```output block must come right after the ```python runner block"));
    }

    @Test
    void examplesAreFoundWithTheirFileLines() {
        List<PythonExample> examples = PythonExample.findAll("""
                # Title

                ```python runner
                print(6 * 7)
                ```
                ```output
                42
                ```

                ```python runner limit=x
                pass
                ```
                """, 5);
        assertThat(examples).hasSize(2);
        assertThat(examples.get(0)).isEqualTo(new PythonExample(7, "print(6 * 7)\n", "42\n", List.of(), 10));
        assertThat(examples.get(1).expected()).isNull();
        assertThat(examples.get(1).line()).isEqualTo(14);
        assertThat(examples.get(1).limitSeconds()).isEqualTo(-1);
    }
}
