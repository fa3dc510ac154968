package dev.wasmtutorial.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command the build depends on (a demo's build script, the front-end
 * post-processor), passes its output through indented, and turns a failure into one clear
 * error: its first {@code error:} line, its {@code hint:} line if any.
 */
public final class ProcessRunner {

    private final PrintStream log;
    private final long timeoutMinutes;

    public ProcessRunner(PrintStream log, long timeoutMinutes) {
        this.log = log;
        this.timeoutMinutes = timeoutMinutes;
    }

    /**
     * @param command   the program and its arguments
     * @param directory where it runs
     * @param what      names it in messages ({@code minimal-demo/scripts/build.sh})
     * @param fallbackHint what to suggest when the command prints no hint of its own
     */
    public void run(List<String> command, Path directory, String what, String fallbackHint) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(what), "cannot start " + command.get(0) + ": " + e.getMessage(), fallbackHint, e);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                log.println("  " + line);
            }
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BuildException(SourceLocation.of(what), "still running after " + timeoutMinutes + " minutes",
                        "run it by hand to see where it stops");
            }
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(what), "cannot read the output of " + what + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BuildException(SourceLocation.of(what), "interrupted", null, e);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            // Prefer the command's own "error:" line, then any line naming an error (e.g. Node's
            // "SyntaxError: ..."), then its last line.
            String error = lines.stream().filter(l -> l.strip().startsWith("error:")).findFirst()
                    .or(() -> lines.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("error")).findFirst())
                    .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)).strip();
            String hint = lines.stream().filter(l -> l.startsWith("hint:")).findFirst().map(l -> l.substring(5).strip())
                    .orElse(fallbackHint);
            throw new BuildException(SourceLocation.of(what), "failed (exit " + exit + "): " + error.replaceFirst("^error:\\s*", ""), hint);
        }
    }
}
