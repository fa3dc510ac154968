package dev.wasmtutorial.cli;

import dev.wasmtutorial.api.ApiLimits;
import dev.wasmtutorial.api.ExecutionApi;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.python.PythonPool;
import dev.wasmtutorial.python.PythonSandbox;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** {@code serve --api} and its settings. */
final class ApiOptions {

    @Option(names = "--api", description = "Also serve the execution API (POST /execute, GET /runs/{id}, GET /runs/{id}/events).")
    boolean enabled;

    @Option(names = "--runs-dir", description = "Where the API keeps finished runs (default: ROOT/target/runs).")
    Path runsDir;

    @Option(names = "--api-token", description = "Bearer token POST /execute requires; needed when binding a non-loopback "
            + "interface (or set " + ExecutionApi.TOKEN_ENV + ").")
    String token;

    @Option(names = "--api-keep-runs", description = "Finished runs kept on disk (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    int keepRuns;

    @Option(names = "--api-queue", description = "Runs waiting for a worker before 429 (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    int queue;

    @Option(names = "--python-pool", description = "Sandboxed Python processes kept loaded and waiting, each about 150-200 MB "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int pythonPool;

    @Option(names = "--python-packages", description = "A folder with a Pyodide distribution's pyodide-lock.json and wheels "
            + "(e.g. the full release): Python programs' imports are installed from it, never from the network.")
    Path pythonPackages;

    /** The API for this server, or null without --api; refuses an open interface without a token. */
    ExecutionApi create(String host, Path root) {
        if (!enabled) {
            return null;
        }
        String secret = token != null ? token : System.getenv(ExecutionApi.TOKEN_ENV);
        if ((secret == null || secret.isBlank()) && !isLoopback(host)) {
            throw new BuildException(null, "--api on " + host + " would let anyone who reaches it run code",
                    "add --api-token SECRET (or set " + ExecutionApi.TOKEN_ENV + "), or bind 127.0.0.1");
        }
        ApiLimits defaults = ApiLimits.defaults();
        ApiLimits limits = new ApiLimits(defaults.workers(), queue, keepRuns, defaults.maxStreams());
        if (pythonPool < 1 || pythonPool > 64) {
            throw new BuildException(null, "--python-pool " + pythonPool + " is out of range", "give 1 to 64");
        }
        PythonSandbox python = PythonSandbox.forProject(root);
        if (pythonPackages != null) {
            try {
                python = python.withPackages(pythonPackages);
            } catch (IllegalArgumentException e) {
                throw new BuildException(null, "--python-packages: " + e.getMessage(), "download and unpack a Pyodide release, and name its folder");
            }
        }
        return new ExecutionApi(runsDir != null ? runsDir : root.resolve("target/runs"), secret, limits, "emcc",
                new PythonPool(python, pythonPool, root.resolve("target/python-snapshots")));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
