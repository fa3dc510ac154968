package dev.wasmtutorial.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// On a thread of its own: a command that hangs the runner fails its test instead of holding up the suite.
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ProcessRunner runner = new ProcessRunner(new PrintStream(log, true, StandardCharsets.UTF_8), Duration.ofSeconds(1));

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
    void reportsTheCommandsOwnErrorAndHintLines() {
        assertThatThrownBy(() -> runner.run(List.of("bash", "-c",
                "echo 'compiling'; echo 'error: emcc not found' >&2; echo 'hint: install emscripten'; echo 'an error later'; exit 2"),
                dir, "demo/scripts/build.sh", "run it by hand"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).isEqualTo(
                        "demo/scripts/build.sh: error: failed (exit 2): emcc not found (hint: install emscripten)"));
    }

    @Test
    void passesOutputThroughIndentedOnSuccess() {
        runner.run(List.of("bash", "-c", "echo fine; printf 'no newline at the end'"), dir, "ok", null);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("  fine" + System.lineSeparator()
                + "  no newline at the end" + System.lineSeparator());
    }

    @Test
    void passesOutputThroughAsItArrivesNotAtTheEnd() {
        // The second line is only written once the first has reached the log.
        ProcessRunner patient = new ProcessRunner(new PrintStream(log, true, StandardCharsets.UTF_8), Duration.ofSeconds(20));
        Thread watcher = new Thread(() -> {
            try {
                while (!log.toString(StandardCharsets.UTF_8).contains("  first")) {
                    Thread.sleep(10);
                }
                Files.writeString(dir.resolve("seen"), "");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        patient.run(List.of("sh", "-c", "echo first; while [ ! -e seen ]; do sleep 0.05; done; echo second"), dir, "slow", null);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("  first" + System.lineSeparator() + "  second" + System.lineSeparator());
    }

    @Test
    void aCommandStillRunningAtItsDeadlineIsStoppedAndNamed() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("sh", "-c", "sleep 60"), dir, "minimal-demo/scripts/build.sh", null))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).isEqualTo(
                        "minimal-demo/scripts/build.sh: error: still running after 1 s; stopped (hint: run it by hand to see where it stops)"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * A process started in the background inherits the output: reading a pipe to its end waited
     * for it, past any deadline. It is stopped at the deadline whether the command itself is still
     * running then or exited long before.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sleep 60 & echo \"started $!\"; sleep 60", "sleep 60 & echo \"started $!\"; sleep 0.3"})
    void aBackgroundProcessIsStoppedAtTheDeadlineToo(String script) throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("sh", "-c", script), dir, "build.sh", null))
                .isInstanceOf(BuildException.class)
                .hasMessageStartingWith("still running after 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        BoundedProcessTest.assertGone(startedPid());
    }

    @Test
    void namesDeadlinesAsTheyWereMostLikelyWritten() {
        assertThat(ProcessRunner.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(ProcessRunner.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(ProcessRunner.describe(Duration.ofSeconds(90))).isEqualTo("90 s");
    }

    private long startedPid() {
        Matcher m = Pattern.compile("  started (\\d+)").matcher(log.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("the command's output was passed through: %s", log).isTrue();
        return Long.parseLong(m.group(1));
    }
}
