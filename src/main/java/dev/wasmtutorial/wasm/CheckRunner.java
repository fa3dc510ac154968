package dev.wasmtutorial.wasm;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one check on a fresh instance: instantiate with the host imports, run the module's
 * initializer, call the export, compare result, stdout and recorded import calls. Runs on its
 * own thread under a wall-clock limit (Chicory has no fuel; it stops on interrupt) and with
 * the memory capped.
 */
final class CheckRunner {

    private final WasmModule module;
    private final String moduleName;
    private final ChecksFile.ModuleChecks spec;

    CheckRunner(WasmModule module, String moduleName, ChecksFile.ModuleChecks spec) {
        this.module = module;
        this.moduleName = moduleName;
        this.spec = spec;
    }

    ModuleReport.CheckResult run(ChecksFile.Check check) throws ValidationFailure {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wasm-check");
            t.setDaemon(true); // a module that ignores interrupts must not keep the JVM alive
            return t;
        });
        Future<ModuleReport.CheckResult> future = worker.submit(() -> runNow(check));
        try {
            return future.get(spec.timeoutOrDefault(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ValidationFailure(moduleName, check.name(), "to finish within " + spec.timeoutOrDefault() + " ms",
                    "still running after " + spec.timeoutOrDefault() + " ms (stopped; an endless loop?)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ValidationFailure failure) {
                throw failure;
            }
            throw new ValidationFailure(moduleName, check.name(), "to run", "host error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationFailure(moduleName, check.name(), "to run", "the build was interrupted");
        } finally {
            worker.shutdownNow();
        }
    }

    private ModuleReport.CheckResult runNow(ChecksFile.Check check) throws ValidationFailure {
        CappedMemory memory = new CappedMemory(spec.maxPagesOrDefault());
        try (HostImports host = new HostImports()) {
            Instance instance = instantiate(host, check, memory);
            try {
                initialize(instance);
                FunctionType type = exportedFunction(instance, check);
                MemoryExchange exchange = check.memory() == null ? null : new MemoryExchange(check.memory(), moduleName, check.name());
                long[] result = call(instance, check, type, exchange);
                checkMemory(memory, check);
                return compare(check, type, result, host, instance, exchange);
            } catch (ChicoryException e) {
                checkMemory(memory, check); // a refused growth often ends in a trap: report the cause
                throw new ValidationFailure(moduleName, check.name(), describeExpectation(check), trapMessage(e));
            } catch (StackOverflowError e) {
                throw new ValidationFailure(moduleName, check.name(), describeExpectation(check), "trap: call stack exhausted");
            }
        }
    }

    private Instance instantiate(HostImports host, ChecksFile.Check check, CappedMemory memory) throws ValidationFailure {
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(host.importsFor(module, spec.recordOrEmpty(), moduleName, check.name()))
                .withStart(false);
        int cap = spec.maxPagesOrDefault();
        if (module.memorySection().isPresent() && module.memorySection().get().memoryCount() > 0) {
            MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
            if (declared.initialPages() > cap) {
                throw new ValidationFailure(moduleName, check.name(), "at most " + cap + " memory pages",
                        "the module declares " + declared.initialPages() + " initial pages");
            }
            builder.withMemoryFactory(memory::create);
        }
        try {
            return builder.build();
        } catch (ChicoryException e) {
            throw new ValidationFailure(moduleName, check.name(), "to instantiate", trapMessage(e));
        }
    }

    /** WASI reactors (and Emscripten's --no-entry output) export _initialize; JS-glue builds export __wasm_call_ctors. */
    private static void initialize(Instance instance) {
        if (hasExport(instance, "_initialize")) {
            instance.export("_initialize").apply();
        } else if (hasExport(instance, "__wasm_call_ctors")) {
            instance.export("__wasm_call_ctors").apply();
        }
    }

    private static boolean hasExport(Instance instance, String name) {
        for (int i = 0; i < instance.module().exportSection().exportCount(); i++) {
            if (instance.module().exportSection().getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The signature of the export a check calls, or a failure listing the exports there are. */
    private FunctionType exportedFunction(Instance instance, ChecksFile.Check check) throws ValidationFailure {
        if (!hasExport(instance, check.call())) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < module.exportSection().exportCount(); i++) {
                names.add(module.exportSection().getExport(i).name());
            }
            throw new ValidationFailure(moduleName, check.name(), "an export named " + check.call(), "exports are " + names);
        }
        return instance.exportType(check.call());
    }

    private long[] call(Instance instance, ChecksFile.Check check, FunctionType type, MemoryExchange exchange) throws ValidationFailure {
        List<Long> args = exchange == null ? check.argsOrEmpty() : exchange.arguments(instance, check.argsOrEmpty());
        // Chicory's interpreter does not check the argument count; a wrong one would pass silently.
        if (type.params().size() != args.size()) {
            throw new ValidationFailure(moduleName, check.name(), check.call() + " called with " + type.params().size() + " argument(s) "
                    + ModuleShape.signature(type), args.size() + " argument(s) in the checks file");
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i);
        }
        ExportFunction function = instance.export(check.call());
        try {
            return function.apply(values);
        } catch (WasiExitException e) {
            // A WASI command's _start ends with proc_exit: its status is the call's result.
            return new long[] {e.exitCode()};
        }
    }

    private void checkMemory(CappedMemory memory, ChecksFile.Check check) throws ValidationFailure {
        if (memory.refusedGrowthTo() > 0) {
            throw new ValidationFailure(moduleName, check.name(), "at most " + spec.maxPagesOrDefault() + " memory pages",
                    "tried to grow memory to " + memory.refusedGrowthTo() + " pages (refused)");
        }
    }

    private ModuleReport.CheckResult compare(ChecksFile.Check check, FunctionType type, long[] result, HostImports host,
            Instance instance, MemoryExchange exchange) throws ValidationFailure {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        if (exchange != null) {
            exchange.verify(instance, result, expected, actual);
        }
        if (check.returns() != null) {
            Long got = result == null || result.length == 0 ? null : normalize(result[0], type);
            expected.add("returns " + check.returns());
            actual.add("returns " + (got == null ? "nothing" : got));
            if (!Objects.equals(check.returns(), got)) {
                throw new ValidationFailure(moduleName, check.name(), "returns " + check.returns(), "returns " + (got == null ? "nothing" : got));
            }
        }
        if (check.stdout() != null) {
            String out = host.stdout();
            expected.add("stdout " + quote(check.stdout()));
            actual.add("stdout " + quote(out));
            if (!check.stdout().equals(out)) {
                throw new ValidationFailure(moduleName, check.name(), "stdout " + quote(check.stdout()), "stdout " + quote(out));
            }
        }
        if (check.importsCalled() != null) {
            Map<String, List<List<Long>>> calls = host.calls();
            for (Map.Entry<String, List<List<Long>>> want : check.importsCalled().entrySet()) {
                List<List<Long>> got = calls.getOrDefault(want.getKey(), List.of());
                expected.add(want.getKey() + " called with " + want.getValue());
                actual.add(want.getKey() + " called with " + got);
                if (!want.getValue().equals(got)) {
                    throw new ValidationFailure(moduleName, check.name(), want.getKey() + " called with " + want.getValue(),
                            want.getKey() + " called with " + got);
                }
            }
        }
        return new ModuleReport.CheckResult(check.name(), check.call(), check.argsOrEmpty(), String.join("; ", expected),
                String.join("; ", actual), true);
    }

    /** An i32 result comes back as a long; compare it as the signed 32-bit value C sees. */
    private static Long normalize(long raw, FunctionType type) {
        return !type.returns().isEmpty() && type.returns().get(0).equals(ValType.I32) ? (long) (int) raw : raw;
    }

    private static String describeExpectation(ChecksFile.Check check) {
        return check.returns() != null ? "returns " + check.returns() : "to run to completion";
    }

    private static String trapMessage(ChicoryException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String kind = e instanceof WasmRuntimeException || e.getClass().getSimpleName().contains("Trap") ? "trap" : e.getClass().getSimpleName();
        return kind + ": " + message;
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
    }
}
