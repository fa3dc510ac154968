package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoScriptRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final DemoScriptRunner runner = new DemoScriptRunner(new PrintStream(log, true));

    @Test
    void passesTheScriptsOutputThrough() throws Exception {
        Path script = dir.resolve("build.sh");
        Files.writeString(script, "echo built: dist/x.wasm\n");
        runner.run(script, "demo/scripts/build.sh");
        assertThat(log.toString()).contains("  built: dist/x.wasm");
    }

    @Test
    void failureBecomesOneLineWithTheScriptsErrorAndHint() throws Exception {
        Path script = dir.resolve("build.sh");
        Files.writeString(script, """
                echo "error: emcc (Emscripten) was not found on PATH." >&2
                echo "hint: on Debian/Ubuntu run 'sudo apt-get install emscripten'" >&2
                exit 2
                """);
        assertThatThrownBy(() -> runner.run(script, "demo/scripts/build.sh"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).isEqualTo(
                        "demo/scripts/build.sh: error: build script failed (exit 2): emcc (Emscripten) was not found on PATH."
                                + " (hint: on Debian/Ubuntu run 'sudo apt-get install emscripten'; or, if the modules in dist/ are up to date,"
                                + " build with --skip-demo-build)"));
    }

    @Test
    void realBuildScriptReportsMissingEmccClearly() throws Exception {
        // The demo's own script, with a PATH where no emcc can be found (and no Debian fallback).
        Path project = Path.of("").toAbsolutePath();
        Path copy = dir.resolve("demo/scripts/build_add_and_log.sh");
        Files.createDirectories(copy.getParent());
        String script = Files.readString(project.resolve("minimal-demo/scripts/build_add_and_log.sh"))
                .replace("/usr/bin/emcc", dir.resolve("no-such-emcc").toString());
        Files.writeString(copy, script);
        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"dirname", "readlink", "mkdir", "wc"}) {
            Files.createSymbolicLink(fakeBin.resolve(tool), Path.of("/usr/bin/" + tool).toRealPath());
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", copy.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", fakeBin.toString());
        pb.environment().remove("EMSDK");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("error: emcc (Emscripten) was not found").contains("hint: on Debian/Ubuntu run 'sudo apt-get install emscripten'");
    }
}
