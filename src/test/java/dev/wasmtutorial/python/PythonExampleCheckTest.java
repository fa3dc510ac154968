package dev.wasmtutorial.python;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs real examples in Pyodide under the Node that the build installs (target/node/node). */
class PythonExampleCheckTest {

    static final Path NODE = Path.of("target/node/node").toAbsolutePath();
    static final Path SCRIPT = Path.of("src/main/frontend/check-python.mjs").toAbsolutePath();

    @TempDir
    Path root;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void nodeIsInstalled() throws Exception {
        assertThat(NODE).as("Node installed by the build (run ./mvnw initialize)").isExecutable();
        Files.createDirectories(root.resolve("content/data"));
        Files.writeString(root.resolve("content/data/n.csv"), "n\n3\n4\n");
    }

    private PythonExampleCheck check(List<String> command) {
        return new PythonExampleCheck(command, root.resolve("content"), root.resolve("target/python-checks"),
                p -> root.relativize(p).toString(), new PrintStream(log, true));
    }

    private PythonExampleCheck check() {
        return check(List.of(NODE.toString(), SCRIPT.toString()));
    }

    private static Page page(String markdown) {
        // Four lines of front matter: the body starts on line 5.
        return new Page(Path.of("content/p.md"), "content/p.md", "p.html", new FrontMatter("T", "d", 1, true, "page"), markdown, 5);
    }

    private static final String SUM = """
            Intro.

            ```python runner files=data/n.csv
            import csv
            rows = list(csv.DictReader(open("/data/n.csv")))
            print(sum(int(r["n"]) for r in rows))
            ```
            ```output
            %s
            ```
            """;

    @Test
    void matchingOutputPassesAndIsCachedByTheExamplesText() {
        assertThat(check().check(List.of(page(SUM.formatted("7"))))).isEqualTo(new PythonExampleCheck.Result(1, 1));
        // Unchanged code and inputs: not run again (its expected output is still compared).
        assertThat(check().check(List.of(page(SUM.formatted("7"))))).isEqualTo(new PythonExampleCheck.Result(1, 0));
        assertThatThrownBy(() -> check().check(List.of(page(SUM.formatted("8")))))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine())
                        .startsWith("content/p.md:7: error: the Python example's output differs from its output block: "
                                + "output line 1: expected \"8\", got \"7\""));
    }

    @Test
    void aPlantedWrongOutputFailsWithFileAndLine() {
        String markdown = """
                ```python runner
                for word in ["wasm", "python"]:
                    print(word.upper())
                ```
                ```output
                WASM
                PYTON
                ```
                """;
        assertThatThrownBy(() -> check().check(List.of(page(markdown))))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine())
                        .startsWith("content/p.md:5: error: the Python example's output differs from its output block: "
                                + "output line 2: expected \"PYTON\", got \"PYTHON\""));
        // Reported once: by whoever catches the exception, not also in the log.
        assertThat(log.toString()).doesNotContain("differs from its output block");
    }

    @Test
    void aTracebackIsOutputToo() {
        String markdown = """
                ```python runner
                {}["x"]
                ```
                ```output
                Traceback (most recent call last):
                  File "<example>", line 1, in <module>
                    {}["x"]
                    ~~^^^^^
                KeyError: 'x'
                ```
                """;
        assertThat(check().check(List.of(page(markdown))).examples()).isEqualTo(1);
    }

    @Test
    void anExampleWithoutOutputBlockOrInputIsRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> check().check(List.of(page("text\n\n```python runner\nprint(1)\n```\n"))))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith("content/p.md:7: error: the Python example has no output block"));
        assertThatThrownBy(() -> check().check(List.of(page("```python runner files=data/missing.csv\nprint(1)\n```\n```output\n1\n```\n"))))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("input file data/missing.csv not found");
    }

    @Test
    void withoutACommandTheExamplesAreNotRunAndTheLogSaysSo() {
        assertThat(check(List.of()).check(List.of(page(SUM.formatted("0"))))).isEqualTo(new PythonExampleCheck.Result(1, 0));
        assertThat(log.toString()).contains("python: 1 examples not run (no --python-check command given)");
    }

    @Test
    void differenceIgnoresTrailingSpacesAndFinalNewlinesOnly() {
        assertThat(PythonExampleCheck.difference("a\nb\n", "a  \nb\n\n")).isNull();
        assertThat(PythonExampleCheck.difference("a\nb\n", "a\n")).isEqualTo("output line 2: expected \"b\", got no more output");
        assertThat(PythonExampleCheck.difference(" a\n", "a\n")).isEqualTo("output line 1: expected \" a\", got \"a\"");
    }
}
