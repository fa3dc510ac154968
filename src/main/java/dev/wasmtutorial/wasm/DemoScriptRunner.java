package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a demo's build script with bash, the same script a reader runs by hand: the scripts are
 * the single source of truth for how the demos are compiled (they find emcc and skip unchanged
 * sources). Its output is passed through, indented; a failure becomes one clear error.
 */
public final class DemoScriptRunner {

    private static final long TIMEOUT_MINUTES = 5;

    private final PrintStream log;

    public DemoScriptRunner(PrintStream log) {
        this.log = log;
    }

    public void run(Path script, String display) {
        if (!Files.isRegularFile(script)) {
            throw new BuildException(SourceLocation.of(display), "build script not found", "check 'build:' in " + ChecksFileParser.FILE_NAME);
        }
        Process process;
        try {
            process = new ProcessBuilder("bash", script.toString())
                    .directory(script.getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(display), "cannot start bash: " + e.getMessage(),
                    "install bash, or build the demos by hand and pass --skip-demo-build", e);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                log.println("  " + line);
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BuildException(SourceLocation.of(display), "build script still running after " + TIMEOUT_MINUTES + " minutes",
                        "run it by hand to see where it stops");
            }
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(display), "cannot read the build script's output: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BuildException(SourceLocation.of(display), "interrupted", null, e);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            String error = lines.stream().filter(l -> l.startsWith("error:") || l.contains("error")).findFirst()
                    .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
            String hint = lines.stream().filter(l -> l.startsWith("hint:")).findFirst().map(l -> l.substring(5).strip())
                    .orElse("run 'bash " + display + "' to see the full output");
            throw new BuildException(SourceLocation.of(display), "build script failed (exit " + exit + "): "
                    + error.replaceFirst("^error:\\s*", ""), hint);
        }
    }
}
