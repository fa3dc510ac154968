package dev.wasmtutorial.wasm;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every failure mode of module validation, proven with deliberately broken modules (src/test/resources/wasm). */
class ModuleValidatorTest {

    private final ModuleValidator validator = new ModuleValidator();

    static Path fixture(String name) {
        try {
            return Path.of(ModuleValidatorTest.class.getResource("/wasm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChecksFile.ModuleChecks module(String file, Integer timeoutMs, Integer maxPages, List<String> record,
                                                  ChecksFile.Check... checks) {
        return new ChecksFile.ModuleChecks(file, timeoutMs, maxPages, record, List.of(checks));
    }

    private static ChecksFile.Check call(String name, String export, List<Long> args, Long returns) {
        return new ChecksFile.Check(name, export, args, returns, null, null);
    }

    @Test
    void passingModuleProducesAReportWithSignaturesAndRecordedCalls() throws Exception {
        ChecksFile.Check check = new ChecksFile.Check("5 + 7", "add_and_log", List.of(5L, 7L), 12L, null,
                Map.of("env.log_value", List.of(List.of(12L))));
        ModuleValidator.Outcome outcome = validator.validate(fixture("add_and_log.wasm"), "add_and_log.wasm",
                module("add_and_log.wasm", null, null, List.of("env.log_value"), check));

        ModuleReport report = outcome.report();
        assertThat(report.result()).isEqualTo("pass");
        assertThat(report.sizeBytes()).isEqualTo(97);
        assertThat(report.sha256()).hasSize(64);
        assertThat(report.imports()).containsExactly(new ModuleShape.Entry("env.log_value", "func", "(i32) -> nil"));
        assertThat(report.exports()).contains(new ModuleShape.Entry("add_and_log", "func", "(i32, i32) -> i32"),
                new ModuleShape.Entry("memory", "memory", ""));
        assertThat(report.memoryInitialPages()).isEqualTo(1);
        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isTrue();
            assertThat(c.actual()).contains("returns 12").contains("env.log_value called with [[12]]");
        });
    }

    @Test
    void wrongReturnValueNamesModuleCheckExpectedAndActual() {
        assertThatThrownBy(() -> validator.validate(fixture("wrong_sum.wasm"), "wrong_sum.wasm",
                module("wrong_sum.wasm", null, null, null, call("2 + 3 is 5", "add", List.of(2L, 3L), 5L))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessage("wrong_sum.wasm: check \"2 + 3 is 5\" failed: expected returns 5, actual returns -1");
    }

    @Test
    void importCalledWithWrongArgumentsFails() {
        ChecksFile.Check check = new ChecksFile.Check("logs once", "add_and_log", List.of(5L, 7L), 12L, null,
                Map.of("env.log_value", List.of(List.of(12L), List.of(12L))));
        assertThatThrownBy(() -> validator.validate(fixture("add_and_log.wasm"), "m",
                module("m", null, null, List.of("env.log_value"), check)))
                .isInstanceOf(ValidationFailure.class)
                .satisfies(e -> {
                    ValidationFailure f = (ValidationFailure) e;
                    assertThat(f.expected()).isEqualTo("env.log_value called with [[12], [12]]");
                    assertThat(f.actual()).isEqualTo("env.log_value called with [[12]]");
                });
    }

    @Test
    void malformedModuleFails() {
        assertThatThrownBy(() -> validator.validate(fixture("malformed.wasm"), "malformed.wasm",
                module("malformed.wasm", null, null, null, call("any", "f", List.of(), null))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected a valid WebAssembly module")
                .hasMessageContaining("MalformedException");
    }

    @Test
    void missingFileSaysToRunTheBuildScript() {
        assertThatThrownBy(() -> validator.validate(Path.of("does/not/exist.wasm"), "exist.wasm",
                module("exist.wasm", null, null, null, call("any", "f", List.of(), null))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("did the demo's build script run?");
    }

    @Test
    void importNobodyProvidesIsNamedWithItsSignature() {
        assertThatThrownBy(() -> validator.validate(fixture("unknown_import.wasm"), "u.wasm",
                module("u.wasm", null, null, null, call("run", "run", List.of(), 1L))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("it imports env.mystery (i32) -> i32, which no host provides");
    }

    @Test
    void trapFails() {
        assertThatThrownBy(() -> validator.validate(fixture("unreachable.wasm"), "t.wasm",
                module("t.wasm", null, null, null, call("boom", "boom", List.of(), 0L))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("actual trap");
    }

    @Test
    void runawayRecursionFailsInsteadOfCrashingTheBuild() {
        assertThatThrownBy(() -> validator.validate(fixture("recursion.wasm"), "r.wasm",
                module("r.wasm", 10_000, null, null, call("down", "down", List.of(0L), 0L))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("call stack exhausted");
    }

    @Test
    void endlessLoopIsStoppedAtTheTimeLimit() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> validator.validate(fixture("endless_loop.wasm"), "loop.wasm",
                module("loop.wasm", 300, null, null, call("spin", "spin", List.of(), null))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected to finish within 300 ms")
                .hasMessageContaining("still running after 300 ms");
        // Generous bound: it must not hang, whatever the machine's load.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void growingPastTheMemoryCapFails() {
        assertThatThrownBy(() -> validator.validate(fixture("grow_memory.wasm"), "g.wasm",
                module("g.wasm", null, 4, null, call("grow", "grow", List.of(), null))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected at most 4 memory pages");
    }

    @Test
    void growingWithinTheCapPasses() throws Exception {
        var outcome = validator.validate(fixture("grow_memory.wasm"), "g.wasm",
                module("g.wasm", null, 16, null, call("grow", "grow", List.of(), 11L)));
        assertThat(outcome.report().checks()).allMatch(ModuleReport.CheckResult::passed);
    }

    @Test
    void declaringMoreMemoryThanTheCapFails() {
        assertThatThrownBy(() -> validator.validate(fixture("huge_memory.wasm"), "h.wasm",
                module("h.wasm", null, null, null, call("noop", "noop", List.of(), null))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("the module declares 300 initial pages");
    }

    @Test
    void wrongArgumentCountIsCaughtBeforeCalling() {
        assertThatThrownBy(() -> validator.validate(fixture("wrong_sum.wasm"), "w.wasm",
                module("w.wasm", null, null, null, call("one arg", "add", List.of(1L), 1L))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("add called with 2 argument(s) (i32, i32) -> i32")
                .hasMessageContaining("1 argument(s) in the checks file");
    }

    @Test
    void unknownExportListsTheExports() {
        assertThatThrownBy(() -> validator.validate(fixture("wrong_sum.wasm"), "w.wasm",
                module("w.wasm", null, null, null, call("sub", "subtract", List.of(), null))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected an export named subtract, actual exports are [add]");
    }

    @Test
    void stdoutThroughWasiIsCapturedAndCompared() throws Exception {
        ChecksFile.Check ok = new ChecksFile.Check("prints hi", "main", List.of(0L, 0L), 0L, "hi\n", null);
        assertThat(validator.validate(fixture("wasi_hello.wasm"), "w", module("w", null, null, null, ok)).report().result())
                .isEqualTo("pass");

        ChecksFile.Check wrong = new ChecksFile.Check("prints hello", "main", List.of(0L, 0L), 0L, "hello\n", null);
        assertThatThrownBy(() -> validator.validate(fixture("wasi_hello.wasm"), "w", module("w", null, null, null, wrong)))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected stdout \"hello\\n\", actual stdout \"hi\\n\"");
    }

    @Test
    void aWasiCommandsExitStatusIsTheResultOfStart() throws Exception {
        ChecksFile.Check exits3 = new ChecksFile.Check("exits 3", "_start", List.of(), 3L, "bye\n", null);
        assertThat(validator.validate(fixture("wasi_command.wasm"), "c", module("c", null, null, null, exits3)).report().result())
                .isEqualTo("pass");

        ChecksFile.Check exits0 = new ChecksFile.Check("exits 0", "_start", List.of(), 0L, "bye\n", null);
        assertThatThrownBy(() -> validator.validate(fixture("wasi_command.wasm"), "c", module("c", null, null, null, exits0)))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected returns 0, actual returns 3");
    }
}
