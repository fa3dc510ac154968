package dev.wasmtutorial.config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs an external command the build depends on (a demo's build script, the front-end asset
 * bundler and post-processor) as a {@link BoundedProcess}, passes its output through indented as
 * it arrives, and turns a failure into one clear error: its first {@code error:} line, its
 * {@code hint:} line if any. A command still running at its deadline is stopped, with everything
 * it started, and named in the error.
 */
public final class ProcessRunner {

    private final PrintStream log;
    private final Duration timeout;

    public ProcessRunner(PrintStream log, Duration timeout) {
        this.log = log;
        this.timeout = timeout;
    }

    /**
     * @param command   the program and its arguments
     * @param directory where it runs
     * @param what      names it in messages ({@code minimal-demo/scripts/build.sh})
     * @param fallbackHint what to suggest when the command prints no hint of its own
     */
    public void run(List<String> command, Path directory, String what, String fallbackHint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path output = temporaryLog(what);
        try {
            BoundedProcess process = start(command, directory, output, what, fallbackHint);
            FailureLines lines = new FailureLines();
            boolean exited = process.await(deadline, line -> {
                lines.add(line);
                log.println("  " + line);
            });
            if (!exited) {
                throw new BuildException(SourceLocation.of(what), "still running after " + describe(timeout) + "; stopped",
                        "run it by hand to see where it stops");
            }
            if (process.exitValue() != 0) {
                throw new BuildException(SourceLocation.of(what), "failed (exit " + process.exitValue() + "): " + lines.error(),
                        lines.hint().orElse(fallbackHint));
            }
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(what), "cannot read the output of " + what + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException(SourceLocation.of(what), "interrupted", null, e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static BoundedProcess start(List<String> command, Path directory, Path output, String what, String fallbackHint) {
        try {
            return BoundedProcess.start(new ProcessBuilder(command).directory(directory.toFile()), output);
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(what), "cannot start " + command.get(0) + ": " + e.getMessage(), fallbackHint, e);
        }
    }

    private static Path temporaryLog(String what) {
        try {
            return Files.createTempFile("wasm-tutorial-process-", ".log");
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(what), "cannot create a file for its output: " + e.getMessage(),
                    "check that the temp folder (java.io.tmpdir) is writable", e);
        }
    }

    /** {@code 5 minutes}, {@code 90 s}: as the deadline was most likely written. */
    static String describe(Duration timeout) {
        long minutes = timeout.toMinutes();
        if (minutes > 0 && timeout.toSecondsPart() == 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return Math.max(1, timeout.toSeconds()) + " s";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a log left in the temp folder is harmless
        }
    }

    /**
     * The few lines a failure is reported with, kept as the output passes (not the whole output:
     * a command may print without end before it fails): the command's own {@code error:} line,
     * else the first line naming an error (e.g. Node's {@code SyntaxError: ...}), else its last line.
     */
    private static final class FailureLines {
        private String errorLine;
        private String namesAnError;
        private String last;
        private String hint;

        void add(String line) {
            String stripped = line.strip();
            if (errorLine == null && stripped.startsWith("error:")) {
                errorLine = stripped.substring("error:".length()).strip();
            }
            if (namesAnError == null && stripped.toLowerCase(Locale.ROOT).contains("error")) {
                namesAnError = stripped;
            }
            if (hint == null && line.startsWith("hint:")) {
                hint = line.substring("hint:".length()).strip();
            }
            last = stripped;
        }

        String error() {
            return errorLine != null ? errorLine : namesAnError != null ? namesAnError : last != null ? last : "no output";
        }

        Optional<String> hint() {
            return java.util.Optional.ofNullable(hint);
        }
    }
}
