package dev.wasmtutorial.wasm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks whose data travels through linear memory (strings and bytes), on a small WAT module. */
class MemoryExchangeTest {

    private final ModuleValidator validator = new ModuleValidator();

    private ModuleReport validate(String export, MemoryCheck memory) throws ValidationFailure {
        ChecksFile.Check check = new ChecksFile.Check("passes " + export, export, null, null, null, null, memory);
        return validator.validate(ModuleValidatorTest.fixture("memory_echo.wasm"), "m.wasm",
                new ChecksFile.ModuleChecks("m.wasm", null, null, null, List.of(check))).report();
    }

    @Test
    void utf8TextGoesInAndComesBack() throws Exception {
        ModuleReport report = validate("echo_cstr", new MemoryCheck("grüße ☕", null, true, "grüße ☕", null));
        assertThat(report.result()).isEqualTo("pass");
        assertThat(report.checks().get(0).actual()).contains("memory at result \"grüße ☕\"");
    }

    @Test
    void bytesAreComparedExactly() throws Exception {
        assertThat(validate("echo", new MemoryCheck(null, List.of(1, 0, 255), null, null, List.of(1, 0, 255))).result())
                .isEqualTo("pass");
        assertThatThrownBy(() -> validate("echo", new MemoryCheck(null, List.of(1, 0, 255), null, null, List.of(1, 0, 254))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected memory at result bytes [1, 0, 254], actual memory at result bytes [1, 0, 255]");
    }

    @Test
    void differentTextFailsNamingBoth() {
        assertThatThrownBy(() -> validate("echo_cstr", new MemoryCheck("abc", null, true, "ABC", null)))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("expected memory at result \"ABC\", actual memory at result \"abc\"");
    }

    @Test
    void aNullResultFails() {
        assertThatThrownBy(() -> validate("null_result", new MemoryCheck("abc", null, null, "abc", null)))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("returns 0 (NULL)");
    }

    @Test
    void theLengthArgumentIsAddedUnlessNulTerminated() {
        // echo takes (ptr, len): passing only the pointer is an arity error, reported as such.
        assertThatThrownBy(() -> validate("echo", new MemoryCheck("abc", null, true, "abc", null)))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("1 argument(s) in the checks file");
    }

    @Test
    void aModuleWithoutMallocIsRefused() {
        ChecksFile.Check check = new ChecksFile.Check("needs malloc", "add", null, null, null, null,
                new MemoryCheck("abc", null, null, "abc", null));
        assertThatThrownBy(() -> validator.validate(ModuleValidatorTest.fixture("wrong_sum.wasm"), "w.wasm",
                new ChecksFile.ModuleChecks("w.wasm", null, null, null, List.of(check))))
                .isInstanceOf(ValidationFailure.class)
                .hasMessageContaining("no export named malloc");
    }

    @Test
    void declarationsNeedExactlyOneInputAndAtMostOneExpectation() {
        assertThat(new MemoryCheck("a", null, null, null, null).problem()).isNull();
        assertThat(new MemoryCheck(null, null, null, "a", null).problem()).contains("exactly one of 'write'");
        assertThat(new MemoryCheck("a", List.of(1), null, null, null).problem()).contains("exactly one of 'write'");
        assertThat(new MemoryCheck("a", null, null, "a", List.of(1)).problem()).contains("at most one");
        assertThat(new MemoryCheck(null, List.of(256), null, null, null).problem()).contains("0..255");
    }
}
