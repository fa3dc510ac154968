package dev.wasmtutorial.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ProcessRunner runner = new ProcessRunner(new PrintStream(log, true), 1);

    @Test
    void reportsTheLineThatNamesTheErrorNotTheLastLine() {
        assertThatThrownBy(() -> runner.run(List.of("bash", "-c",
                "echo 'file.mjs:3'; echo \"SyntaxError: Identifier 'index' has already been declared\"; echo 'Node.js v22'; exit 1"),
                dir, "post-process", "run it by hand"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).isEqualTo(
                        "post-process: error: failed (exit 1): SyntaxError: Identifier 'index' has already been declared (hint: run it by hand)"));
    }

    @Test
    void passesOutputThroughIndentedOnSuccess() {
        runner.run(List.of("bash", "-c", "echo fine"), dir, "ok", null);
        assertThat(log.toString()).isEqualTo("  fine" + System.lineSeparator());
    }
}
