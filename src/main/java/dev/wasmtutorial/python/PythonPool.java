package dev.wasmtutorial.python;

import dev.wasmtutorial.sandbox.RunListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sandboxed Python processes that have already loaded Pyodide (4–6 s each on this project's
 * 2-core machine), so a run does not wait for that. Each run takes one and the process is
 * destroyed after it; a replacement starts in the background at once. A process is never reused,
 * so no run sees what another left behind.
 */
public final class PythonPool implements AutoCloseable {

    /** How long a run waits for a process to finish loading when none is ready. */
    private static final long LOAD_WAIT_S = 60;

    /** Replaced once, by the same sandbox with a snapshot, before the first runner starts. */
    private volatile PythonSandbox sandbox;
    private final BlockingQueue<PythonProcess> idle = new LinkedBlockingQueue<>();
    private final ExecutorService starter;
    private volatile boolean closed;
    /** Replacements asked for and not yet started: a run waits for one of them instead of asking again. */
    private final java.util.concurrent.atomic.AtomicInteger starting = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param size processes kept loaded and waiting (each holds about 150–200 MB); with 0, a run
     *             starts its process itself and waits for Pyodide to load
     */
    public PythonPool(PythonSandbox sandbox, int size) {
        this(sandbox, size, null);
    }

    /**
     * @param snapshots where a memory snapshot of a loaded Pyodide is kept (made at the first start,
     *                  before the first runner); null: runners load Pyodide afresh
     */
    public PythonPool(PythonSandbox sandbox, int size, Path snapshots) {
        this.sandbox = sandbox;
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "python-pool");
            t.setDaemon(true);
            return t;
        });
        if (snapshots != null && sandbox.unavailable().isEmpty()) {
            starter.execute(() -> this.sandbox = this.sandbox.withSnapshot(snapshots, why -> System.err.println("warning: " + why)));
        }
        if (sandbox.unavailable().isEmpty()) {
            for (int i = 0; i < size; i++) {
                replenish();
            }
        }
    }

    /** Why Python cannot run here, if it cannot. */
    public Optional<String> unavailable() {
        return sandbox.unavailable();
    }

    private void replenish() {
        if (closed) {
            return;
        }
        starting.incrementAndGet();
        try {
            starter.execute(() -> {
                starting.decrementAndGet();
                try {
                    PythonProcess process = new PythonProcess(sandbox);
                    if (closed) {
                        process.close();
                    } else {
                        idle.add(process);
                    }
                } catch (IOException e) {
                    System.err.println("warning: a Python runner did not start: " + e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            starting.decrementAndGet(); // closing
        }
    }

    /**
     * Runs one program in a fresh sandboxed process.
     *
     * @param timeMs      the run's time limit, counted from when the process has the program
     * @param memoryMiB   how much the program's heap may grow
     * @param outputBytes stdout and stderr together
     */
    public PythonOutcome run(String code, String stdin, List<String> args, Map<String, String> files, int timeMs, int memoryMiB,
                             long outputBytes, RunListener listener) throws InterruptedException {
        PythonProcess process = take();
        if (process == null) {
            return new PythonOutcome.Builder(outputBytes).failed("no Python runner became ready within " + LOAD_WAIT_S + " s", 0);
        }
        replenish();
        return process.run(code, stdin, args, files, timeMs, memoryMiB, outputBytes, listener);
    }

    /** A loaded process: an idle one (skipping any that died), else the next to finish loading. */
    private PythonProcess take() throws InterruptedException {
        if (idle.isEmpty() && starting.get() == 0) {
            replenish(); // a pool of size 0, or one emptied by a burst of runs
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_WAIT_S);
        while (System.nanoTime() < deadline) {
            PythonProcess process = idle.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (process == null) {
                return null;
            }
            try {
                process.ready().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (process.alive()) {
                    return process;
                }
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                // died while loading, or too slow: drop it and take the next
            }
            process.close();
            replenish();
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        PythonProcess process;
        while ((process = idle.poll()) != null) {
            process.close();
        }
    }
}
