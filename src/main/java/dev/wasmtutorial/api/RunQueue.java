package dev.wasmtutorial.api;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmtutorial.python.PythonOutcome;
import dev.wasmtutorial.python.PythonPool;
import dev.wasmtutorial.sandbox.Outcome;
import dev.wasmtutorial.sandbox.RunListener;
import dev.wasmtutorial.sandbox.RunSpec;
import dev.wasmtutorial.sandbox.Sandbox;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns accepted requests into runs: a bounded queue in front of a fixed number of workers; each
 * worker compiles (for C) and then runs the module in the {@link Sandbox}. A full queue refuses
 * new work instead of growing.
 */
final class RunQueue implements AutoCloseable {

    private final ThreadPoolExecutor workers;
    private final Sandbox sandbox;
    private final CCompiler compiler;
    private final PythonPool python;
    private final RunStore store;

    RunQueue(ApiLimits limits, CCompiler compiler, PythonPool python, RunStore store) {
        this.python = python;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queue()), r -> {
                    Thread t = new Thread(r, "api-run-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.sandbox = new Sandbox(limits.workers());
        this.compiler = compiler;
        this.store = store;
        Thread warmup = new Thread(this::warmUp, "api-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    /**
     * A WASI command that prints one line (src/test/resources/wasm/wasi_print.wat). The first
     * run in a JVM loads Chicory, WASI and the in-memory file system (about 1.5 s measured on
     * this 2-core machine, against 20 ms warm): pay that at start, not in a user's time limit.
     */
    private static final String WARMUP_MODULE = "AGFzbQEAAAABDAJgBH9/f38Bf2AAAAIjARZ3YXNpX3NuYXBzaG90X3ByZXZpZXcxCGZkX3dyaXRlAAADAgEBBQMBAAEHEwIG"
            + "bWVtb3J5AgAGX3N0YXJ0AAEKHQEbAEEAQRA2AgBBBEENNgIAQQFBAEEBQQgQABoLCxMBAEEQCw1oaSBmcm9tIHdhc20K";

    private void warmUp() {
        try {
            WasmModule module = Parser.parse(java.util.Base64.getDecoder().decode(WARMUP_MODULE));
            for (int i = 0; i < 3; i++) {
                sandbox.run(new RunSpec(module, new RunSpec.Command("", List.of(), java.util.Map.of("in.txt", "x")),
                        new RunSpec.Limits(10_000, 16, 1024), List.of()), RunListener.NONE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues the run; false if the queue is full (the caller answers 429). */
    boolean submit(RunRecord run, ExecuteRequest request) {
        try {
            workers.execute(() -> execute(run, request));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void execute(RunRecord run, ExecuteRequest request) {
        try {
            if (request.language() == Language.PYTHON) {
                runPython(run, request);
                return;
            }
            byte[] bytes = request.module();
            if (request.language() == Language.C) {
                run.compiling();
                CCompiler.Result compiled = compiler.compile(request.code());
                run.compiled(compiled.millis(), compiled.cached());
                if (!compiled.ok()) {
                    run.compileError(compiled.diagnostics(), compiled.message());
                    return;
                }
                bytes = compiled.wasm();
            }
            WasmModule module;
            try {
                module = Parser.parse(bytes);
            } catch (ChicoryException e) {
                run.failed("not a valid WebAssembly module: " + e.getMessage());
                return;
            }
            RunSpec.Entry entry = request.call() != null ? request.call()
                    : new RunSpec.Command(request.stdin(), request.args(), request.files());
            run.running();
            RunListener listener = (channel, text) -> run.output(channel == RunListener.Channel.STDOUT, text);
            Outcome outcome = sandbox.run(new RunSpec(module, entry, request.limits(), List.of()), listener);
            run.finished(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.failed("the server stopped before this run finished; submit it again");
        } catch (RuntimeException e) {
            run.failed("internal error: " + e.getClass().getSimpleName());
            e.printStackTrace();
        } finally {
            if (run.finished()) {
                store.finish(run);
            }
        }
    }

    private void runPython(RunRecord run, ExecuteRequest request) throws InterruptedException {
        var off = python.unavailable();
        if (off.isPresent()) {
            run.failed(off.get());
            return;
        }
        run.running();
        RunSpec.Limits limits = request.limits();
        RunListener listener = (channel, text) -> run.output(channel == RunListener.Channel.STDOUT, text);
        PythonOutcome outcome = python.run(request.code(), request.stdin(), request.args(), request.files(), (int) limits.timeMs(),
                (int) (limits.memoryPages() / 16), limits.outputBytes(), listener);
        store.saveFiles(run.id(), outcome.files());
        run.finished(outcome);
    }

    /** Stops the runs under way and returns once they have stopped and stored what they got. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            // A run interrupted here still stores its record: a caller that deletes the runs
            // folder after close() must not race that write (seen as a test's temp folder that
            // could not be deleted).
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sandbox.close();
    }
}
