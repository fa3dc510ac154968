package dev.wasmtutorial.api;

import dev.wasmtutorial.python.PythonPool;
import dev.wasmtutorial.serve.EventStreams;
import dev.wasmtutorial.serve.SiteExtension;
import org.eclipse.jetty.server.Handler;

import java.nio.file.Path;

/**
 * {@code serve --api}: the execution API mounted in front of the site. Owns the run store, the
 * C compiler, the Python processes and the run queue; {@link ApiHandler} answers the HTTP side.
 */
public final class ExecutionApi implements SiteExtension, AutoCloseable {

    /** The environment variable that may carry the token instead of {@code --api-token}. */
    public static final String TOKEN_ENV = "WASM_TUTORIAL_API_TOKEN";

    private final Path runsDir;
    private final String token;
    private final ApiLimits limits;
    private final CCompiler compiler;
    private final CompilerSandbox compilerSandbox;
    private final PythonPool python;
    private RunQueue queue;

    /**
     * @param runsDir where finished runs are kept
     * @param token   the bearer token POST /execute requires, or null for none
     * @param limits  workers, queue, runs kept, stream cap
     * @param emcc    the emcc command
     * @param python  the sandboxed Python processes (started now, so the first run does not wait for Pyodide)
     */
    public ExecutionApi(Path runsDir, String token, ApiLimits limits, String emcc, PythonPool python) {
        this.runsDir = runsDir;
        this.token = token == null || token.isBlank() ? null : token;
        this.limits = limits;
        this.compilerSandbox = CompilerSandbox.probe();
        this.compiler = new CCompiler(emcc, compilerSandbox);
        this.python = python;
    }

    /** Why this server runs no Python, if it does not. */
    public java.util.Optional<String> pythonOff() {
        return python.unavailable();
    }

    /** Why this server compiles no C (no working sandbox for the compiler), if it does not. */
    public java.util.Optional<String> cCompilationOff() {
        return compilerSandbox.unavailable();
    }

    @Override
    public Handler wrap(Handler site, EventStreams streams, String contextPath) {
        RunStore store = new RunStore(runsDir, limits.keepRuns(), contextPath);
        this.queue = new RunQueue(limits, compiler, python, store);
        return new ApiHandler(site, streams, store, queue, token);
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
        python.close();
    }
}
