package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksFileParserTest {

    @TempDir
    Path dir;

    @Test
    void readsModulesAndChecks() throws Exception {
        Path file = write("""
                build: scripts/build.sh
                modules:
                  - file: dist/a.wasm
                    timeout-ms: 500
                    record: [env.log]
                    checks:
                      - name: adds
                        call: add
                        args: [1, 2]
                        returns: 3
                        imports-called:
                          env.log: [[3]]
                """);
        ChecksFile checks = ChecksFileParser.parse(file, "demo/wasm-checks.yaml");
        assertThat(checks.build()).isEqualTo("scripts/build.sh");
        ChecksFile.ModuleChecks module = checks.modules().get(0);
        assertThat(module.timeoutOrDefault()).isEqualTo(500);
        assertThat(module.maxPagesOrDefault()).isEqualTo(256);
        assertThat(module.checks().get(0).returns()).isEqualTo(3L);
        assertThat(module.checks().get(0).importsCalled()).containsKey("env.log");
    }

    @Test
    void unknownFieldIsAnErrorWithItsLine() throws Exception {
        Path file = write("""
                modules:
                  - file: dist/a.wasm
                    chekcs: []
                """);
        assertThatThrownBy(() -> ChecksFileParser.parse(file, "demo/wasm-checks.yaml"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> {
                    BuildException b = (BuildException) e;
                    assertThat(b.location().line()).isEqualTo(3);
                    assertThat(b.oneLine()).startsWith("demo/wasm-checks.yaml:3: error: invalid checks file")
                            .contains("chekcs");
                });
    }

    @Test
    void moduleWithoutChecksIsRefused() throws Exception {
        Path file = write("""
                modules:
                  - file: dist/a.wasm
                """);
        assertThatThrownBy(() -> ChecksFileParser.parse(file, "c.yaml"))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("module dist/a.wasm has no checks");
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("wasm-checks.yaml");
        Files.writeString(file, text);
        return file;
    }
}
