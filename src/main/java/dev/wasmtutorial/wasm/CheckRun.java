package dev.wasmtutorial.wasm;

import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmtutorial.sandbox.CallHook;
import dev.wasmtutorial.sandbox.RunSpec;

import java.util.List;

/**
 * Turns one check of {@code wasm-checks.yaml} into a sandbox run: which export to call with
 * which arguments, under the module's limits, with its recorded imports. The only place that
 * knows how a check maps onto a run, so new kinds of arguments are added here.
 */
final class CheckRun {

    /** Output a check may produce: far more than any demo prints, small enough to keep in memory. */
    static final long OUTPUT_CAP_BYTES = 1L << 20;

    private CheckRun() {
    }

    /** @param hook the check's memory side ({@link MemoryExchange}), or null */
    static RunSpec of(WasmModule module, ChecksFile.ModuleChecks spec, ChecksFile.Check check, CallHook hook) {
        List<Number> args = List.copyOf(check.argsOrEmpty());
        return new RunSpec(module, new RunSpec.Call(check.call(), args, hook),
                new RunSpec.Limits(spec.timeoutOrDefault(), spec.maxPagesOrDefault(), OUTPUT_CAP_BYTES),
                spec.recordOrEmpty());
    }
}
