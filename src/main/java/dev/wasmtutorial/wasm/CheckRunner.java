package dev.wasmtutorial.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmtutorial.sandbox.CallHook;
import dev.wasmtutorial.sandbox.Outcome;
import dev.wasmtutorial.sandbox.RunListener;
import dev.wasmtutorial.sandbox.Sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one check in the {@link Sandbox} (turn the check into a run, see {@link CheckRun}) and
 * compares the outcome with what the checks file expects: result, stdout, recorded import calls.
 */
final class CheckRunner {

    private final Sandbox sandbox;
    private final WasmModule module;
    private final String moduleName;
    private final ChecksFile.ModuleChecks spec;

    CheckRunner(Sandbox sandbox, WasmModule module, String moduleName, ChecksFile.ModuleChecks spec) {
        this.sandbox = sandbox;
        this.module = module;
        this.moduleName = moduleName;
        this.spec = spec;
    }

    /** Runs a check's {@link MemoryExchange} inside the sandbox and keeps what it found for the comparison. */
    private final class MemoryHook implements CallHook {
        private final MemoryExchange exchange;
        private final List<String> expected = new ArrayList<>();
        private final List<String> actual = new ArrayList<>();
        private volatile ValidationFailure failure;

        MemoryHook(MemoryExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public List<Long> arguments(Instance instance, List<Long> given) throws ValidationFailure {
            try {
                return exchange.arguments(instance, given);
            } catch (ValidationFailure f) {
                failure = f;
                throw f;
            }
        }

        @Override
        public void inspect(Instance instance, long[] result) throws ValidationFailure {
            try {
                exchange.verify(instance, result, expected, actual);
            } catch (ValidationFailure f) {
                failure = f;
                throw f;
            }
        }
    }

    ModuleReport.CheckResult run(ChecksFile.Check check) throws ValidationFailure {
        MemoryHook hook = check.memory() == null ? null : new MemoryHook(new MemoryExchange(check.memory(), moduleName, check.name()));
        Outcome outcome;
        try {
            outcome = sandbox.run(CheckRun.of(module, spec, check, hook), RunListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationFailure(moduleName, check.name(), "to run", "the build was interrupted");
        }
        if (hook != null && hook.failure != null) {
            throw hook.failure; // the memory exchange's own finding, with its expected and actual
        }
        if (outcome.exitCode() != null && check.returns() != null) {
            return compare(check, outcome, hook); // a command's exit status is what 'returns' checks, 0 or not
        }
        return switch (outcome.status()) {
            case SUCCEEDED -> compare(check, outcome, hook);
            case TIMED_OUT -> throw failure(check, "to finish within " + spec.timeoutOrDefault() + " ms",
                    "still running after " + spec.timeoutOrDefault() + " ms (stopped; an endless loop?)");
            case MEMORY_LIMIT -> throw failure(check, "at most " + spec.maxPagesOrDefault() + " memory pages",
                    outcome.message().replaceFirst(" \\(cap \\d+\\)", " (refused)"));
            case REJECTED -> throw failure(check, outcome.rejection().required(), outcome.rejection().found() + hint(outcome.rejection()));
            case OUTPUT_LIMIT, FAILED -> throw failure(check, describeExpectation(check), outcome.message());
        };
    }

    /** Where, in the checks file, the fix for a rejection goes. */
    private static String hint(Outcome.Rejection rejection) {
        if (rejection.found().endsWith("which no host provides")) {
            return " (list it under 'record:' if the page supplies it)";
        }
        return rejection.found().endsWith("argument(s)") ? " in the checks file" : "";
    }

    private ValidationFailure failure(ChecksFile.Check check, String expected, String actual) {
        return new ValidationFailure(moduleName, check.name(), expected, actual);
    }

    private ModuleReport.CheckResult compare(ChecksFile.Check check, Outcome outcome, MemoryHook hook) throws ValidationFailure {
        List<String> expected = new ArrayList<>(hook == null ? List.of() : hook.expected);
        List<String> actual = new ArrayList<>(hook == null ? List.of() : hook.actual);
        if (check.returns() != null) {
            Long got = !outcome.result().isEmpty() ? outcome.result().get(0).longValue()
                    : outcome.exitCode() != null ? Long.valueOf(outcome.exitCode()) : null;
            expected.add("returns " + check.returns());
            actual.add("returns " + (got == null ? "nothing" : got));
            if (!Objects.equals(check.returns(), got)) {
                throw failure(check, "returns " + check.returns(), "returns " + (got == null ? "nothing" : got));
            }
        }
        if (check.stdout() != null) {
            String out = outcome.stdout();
            expected.add("stdout " + quote(check.stdout()));
            actual.add("stdout " + quote(out));
            if (!check.stdout().equals(out)) {
                throw failure(check, "stdout " + quote(check.stdout()), "stdout " + quote(out));
            }
        }
        if (check.importsCalled() != null) {
            Map<String, List<List<Long>>> calls = outcome.calls();
            for (Map.Entry<String, List<List<Long>>> want : check.importsCalled().entrySet()) {
                List<List<Long>> got = calls.getOrDefault(want.getKey(), List.of());
                expected.add(want.getKey() + " called with " + want.getValue());
                actual.add(want.getKey() + " called with " + got);
                if (!want.getValue().equals(got)) {
                    throw failure(check, want.getKey() + " called with " + want.getValue(), want.getKey() + " called with " + got);
                }
            }
        }
        return new ModuleReport.CheckResult(check.name(), check.call(), check.argsOrEmpty(), String.join("; ", expected),
                String.join("; ", actual), true);
    }

    private static String describeExpectation(ChecksFile.Check check) {
        return check.returns() != null ? "returns " + check.returns() : "to run to completion";
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
    }
}
