package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.ProcessRunner;
import dev.wasmtutorial.config.SourceLocation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a demo's build script with bash, the same script a reader runs by hand: the scripts are
 * the single source of truth for how the demos are compiled (they find emcc and skip unchanged
 * sources).
 */
public final class DemoScriptRunner {

    /** A demo's build script still running after this is stopped and the build fails. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ProcessRunner runner;

    public DemoScriptRunner(PrintStream log) {
        this.runner = new ProcessRunner(log, TIMEOUT);
    }

    public void run(Path script, String display) {
        if (!Files.isRegularFile(script)) {
            throw new BuildException(SourceLocation.of(display), "build script not found", "check 'build:' in " + ChecksFileParser.FILE_NAME);
        }
        try {
            runner.run(List.of("bash", script.toString()), script.getParent(), display, "run 'bash " + display + "' to see the full output");
        } catch (BuildException e) {
            String hint = e.getMessage().contains("emcc") && e.getMessage().contains("not found")
                    ? e.hint() + "; or, if the modules in dist/ are up to date, build with --skip-demo-build" : e.hint();
            throw new BuildException(e.location(), "build script " + e.getMessage(), hint, e);
        }
    }
}
