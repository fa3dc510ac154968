package dev.wasmtutorial.wasm;

import java.util.List;

/**
 * What the build learned about one published module, written as JSON beside it and shown in the
 * demo page's inspector. Holds no timings, so two builds of the same sources are byte-identical
 * (times are printed by the build instead).
 */
public record ModuleReport(
        String module,
        long sizeBytes,
        String sha256,
        Integer memoryInitialPages,
        Integer memoryMaxPages,
        List<ModuleShape.Entry> imports,
        List<ModuleShape.Entry> exports,
        List<CheckResult> checks,
        String result) {

    /** One check as run: the call, what was expected and what happened. */
    public record CheckResult(String name, String call, List<Long> args, String expected, String actual, boolean passed) {
    }
}
