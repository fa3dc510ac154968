package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a Wasm module under a policy, for the build's checks and for the execution API alike.
 * <ul>
 * <li>Imports: WASI preview 1 (no environment variables, no real file system: one in-memory
 *     directory, {@value #DATA_DIR}), Emscripten's memory-only helpers, and recorded stubs
 *     when the spec names them. Any other import is refused before the module runs.</li>
 * <li>Memory: the declared size and every grow are held to the cap.</li>
 * <li>Time: runs execute on a bounded pool and are interrupted at their wall-clock deadline;
 *     Chicory checks the interrupt on calls and back-jumps, so the worker is freed within
 *     milliseconds, and the caller has its answer at the deadline whatever the worker does.</li>
 * <li>Output: stdout and stderr share one cap; passing it stops the run.</li>
 * </ul>
 */
public final class Sandbox implements AutoCloseable {

    public static final String DATA_DIR = "/data";
    /** The in-memory directory's size cap: a run cannot fill the JVM's heap through files. */
    private static final long DATA_DIR_MAX_BYTES = 8L << 20;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;

    /** @param threads how many runs may execute at once; the rest wait for a worker */
    public Sandbox(int threads) {
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sandbox-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true); // never keep the JVM alive for a run
            return t;
        });
    }

    /** Runs {@code spec} and waits for its outcome, at most its time limit after it starts. */
    public Outcome run(RunSpec spec, RunListener listener) throws InterruptedException {
        CappedOutput output = new CappedOutput(spec.limits().outputBytes(), listener);
        CountDownLatch started = new CountDownLatch(1);
        long[] startNanos = new long[1];
        Future<Outcome> future = pool.submit(() -> {
            startNanos[0] = System.nanoTime();
            started.countDown();
            return execute(spec, output, startNanos[0]);
        });
        started.await();
        long deadline = startNanos[0] + TimeUnit.MILLISECONDS.toNanos(spec.limits().timeMs());
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(Outcome.Status.TIMED_OUT, "still running after " + spec.limits().timeMs() + " ms (stopped)",
                    null, null, List.of(), output.stdoutText(), output.stderrText(), output.stdoutTruncated(),
                    output.stderrTruncated(), Map.of(), Map.of(), millisSince(startNanos[0]));
        } catch (ExecutionException e) {
            throw new IllegalStateException("sandbox worker failed", e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private static Outcome execute(RunSpec spec, CappedOutput output, long start) throws Exception {
        RunSpec.Command command = spec.entry() instanceof RunSpec.Command c ? c : new RunSpec.Command("", List.of(), Map.of());
        CappedMemory memory = new CappedMemory(spec.limits().memoryPages());
        Run run = new Run(spec, output, start);
        try (DataDirectory data = new DataDirectory(command.files(), DATA_DIR_MAX_BYTES)) {
            List<String> argv = new ArrayList<>();
            argv.add("main");
            argv.addAll(command.args());
            WasiOptions options = WasiOptions.builder()
                    .withStdout(output.stdout(), false)
                    .withStderr(output.stderr(), false)
                    .withStdin(new ByteArrayInputStream(command.stdin().getBytes(StandardCharsets.UTF_8)), false)
                    .withArguments(argv)
                    .withDirectory(DATA_DIR, data.root())
                    .build();
            try (HostImports host = new HostImports(options)) {
                run.host = host;
                run.data = data;
                try {
                    Instance instance = instantiate(spec, host, memory);
                    instance.initialize(false); // data segments and the module's start function
                    if (spec.entry() instanceof RunSpec.Call call) {
                        return run.called(call(instance, call));
                    }
                    return run.exited(start(instance));
                } catch (Rejected r) {
                    return run.rejected(r);
                } catch (LimitExceeded e) {
                    return run.limit(e);
                } catch (WasiExitException e) {
                    return run.exited(e.exitCode());
                } catch (HookFailed e) {
                    return run.failed(e.getMessage());
                } catch (ChicoryException e) {
                    if (output.exceeded()) { // WASI may wrap what our stream threw
                        return run.limit(new LimitExceeded(LimitExceeded.Kind.OUTPUT, "output passed " + spec.limits().outputBytes() + " bytes"));
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return run.failed("interrupted");
                    }
                    return run.failed(trapMessage(e));
                } catch (StackOverflowError e) {
                    return run.failed("trap: call stack exhausted");
                }
            }
        }
    }

    private static Instance instantiate(RunSpec spec, HostImports host, CappedMemory memory) throws Rejected {
        WasmModule module = spec.module();
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(host.importsFor(module, spec.recorded()))
                .withInitialize(false) // link only: data segments and the start function run under the limits below
                .withStart(false);
        int cap = spec.limits().memoryPages();
        if (module.memorySection().isPresent() && module.memorySection().get().memoryCount() > 0) {
            MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
            if (declared.initialPages() > cap) {
                throw new Rejected("at most " + cap + " memory pages", "the module declares " + declared.initialPages() + " initial pages");
            }
            builder.withMemoryFactory(memory::create);
        }
        try {
            return builder.build();
        } catch (LimitExceeded | WasiExitException e) {
            throw e;
        } catch (ChicoryException e) {
            throw new Rejected("to instantiate", trapMessage(e));
        }
    }

    /** Runs a WASI command's {@code _start}; returns its exit code when it returns instead of calling proc_exit. */
    private static int start(Instance instance) throws Rejected {
        if (!hasExport(instance, "_start")) {
            throw new Rejected("an export named _start (a WASI command)", "exports are " + exportNames(instance));
        }
        instance.export("_start").apply();
        return 0;
    }

    private record Returned(long[] raw, List<ValType> types) {
    }

    private static Returned call(Instance instance, RunSpec.Call call) throws Rejected {
        if (!hasExport(instance, call.export())) {
            throw new Rejected("an export named " + call.export(), "exports are " + exportNames(instance));
        }
        FunctionType type = instance.exportType(call.export());
        initialize(instance);
        List<Number> args = call.args();
        if (call.hook() != null) {
            List<Long> given = new ArrayList<>();
            args.forEach(a -> given.add(a.longValue()));
            args = new ArrayList<>(hooked(() -> call.hook().arguments(instance, given)));
        }
        // Chicory's interpreter does not check the argument count; a wrong one would pass silently.
        if (type.params().size() != args.size()) {
            throw new Rejected(call.export() + " called with " + type.params().size() + " argument(s) " + Signatures.of(type),
                    args.size() + " argument(s)");
        }
        long[] values = new long[args.size()];
        for (int i = 0; i < values.length; i++) {
            ValType param = type.params().get(i);
            if (!fits(args.get(i), param)) { // wrapping or truncating it would run something else than asked
                throw new Rejected(call.export() + " called with arguments its parameters can hold " + Signatures.of(type),
                        "argument " + (i + 1) + " is " + args.get(i) + ", which is not " + (param.equals(ValType.I32) ? "an i32" : "an " + param));
            }
            values[i] = encode(args.get(i), param);
        }
        ExportFunction function = instance.export(call.export());
        // An export that calls proc_exit ends the program: that is an exit code, not a result
        // (WasiExitException goes on to the caller, which reports it as run.exited).
        long[] result = function.apply(values);
        long[] raw = result == null ? new long[0] : result;
        if (call.hook() != null) {
            hooked(() -> {
                call.hook().inspect(instance, raw);
                return null;
            });
        }
        return new Returned(raw, type.returns());
    }

    /** A hook's own failure, carried out of the run as its message. */
    private static final class HookFailed extends RuntimeException {
        HookFailed(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static <T> T hooked(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HookFailed(e);
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

    static boolean hasExport(Instance instance, String name) {
        return exportNames(instance).contains(name);
    }

    private static List<String> exportNames(Instance instance) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < instance.module().exportSection().exportCount(); i++) {
            names.add(instance.module().exportSection().getExport(i).name());
        }
        return names;
    }

    /** Whether {@code value} is a value of the parameter type: a whole number in range for i32 (signed or unsigned) and i64. */
    static boolean fits(Number value, ValType type) {
        if (type.equals(ValType.F64) || type.equals(ValType.F32)) {
            return true;
        }
        boolean whole = value instanceof Long || value instanceof Integer
                || (value instanceof Double d && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 0x1p63);
        if (!whole) {
            return false;
        }
        long v = value.longValue();
        return !type.equals(ValType.I32) || (v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL);
    }

    private static long encode(Number value, ValType type) {
        if (type.equals(ValType.F64)) return Double.doubleToRawLongBits(value.doubleValue());
        if (type.equals(ValType.F32)) return Float.floatToRawIntBits(value.floatValue());
        return value.longValue();
    }

    /** i32 as the signed value C sees, floats as numbers. */
    static Number decode(long raw, ValType type) {
        if (type.equals(ValType.I32)) return (long) (int) raw;
        if (type.equals(ValType.F64)) return Double.longBitsToDouble(raw);
        if (type.equals(ValType.F32)) return (double) Float.intBitsToFloat((int) raw);
        return raw;
    }

    static String trapMessage(ChicoryException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String kind = e instanceof WasmRuntimeException || e.getClass().getSimpleName().contains("Trap") ? "trap" : e.getClass().getSimpleName();
        return kind + ": " + message;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Builds the outcome of one run from what its host side collected. */
    private static final class Run {
        private final RunSpec spec;
        private final CappedOutput output;
        private final long start;
        HostImports host;
        DataDirectory data;

        Run(RunSpec spec, CappedOutput output, long start) {
            this.spec = spec;
            this.output = output;
            this.start = start;
        }

        Outcome called(Returned returned) {
            List<Number> result = new ArrayList<>();
            for (int i = 0; i < returned.raw().length && i < returned.types().size(); i++) {
                result.add(decode(returned.raw()[i], returned.types().get(i)));
            }
            return finish(Outcome.Status.SUCCEEDED, null, null, null, result);
        }

        Outcome exited(int code) {
            return finish(code == 0 ? Outcome.Status.SUCCEEDED : Outcome.Status.FAILED, code == 0 ? null : "exit code " + code,
                    null, code, List.of());
        }

        Outcome failed(String message) {
            return finish(Outcome.Status.FAILED, message, null, null, List.of());
        }

        Outcome rejected(Rejected r) {
            return finish(Outcome.Status.REJECTED, r.found(), new Outcome.Rejection(r.required(), r.found()), null, List.of());
        }

        Outcome limit(LimitExceeded e) {
            return finish(e.kind() == LimitExceeded.Kind.MEMORY ? Outcome.Status.MEMORY_LIMIT : Outcome.Status.OUTPUT_LIMIT,
                    e.getMessage(), null, null, List.of());
        }

        private Outcome finish(Outcome.Status status, String message, Outcome.Rejection rejection, Integer exitCode, List<Number> result) {
            Map<String, String> files = data == null ? Map.of() : data.written();
            Map<String, List<List<Long>>> calls = host == null ? Map.of() : host.calls();
            return new Outcome(status, message, rejection, exitCode, List.copyOf(result), output.stdoutText(), output.stderrText(),
                    output.stdoutTruncated(), output.stderrTruncated(), files, calls, millisSince(start));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
