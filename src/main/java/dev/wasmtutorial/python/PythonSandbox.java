package dev.wasmtutorial.python;

import dev.wasmtutorial.config.CommandPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the server starts a process for untrusted Python: Pyodide under Node
 * ({@code src/main/frontend/python-server.mjs}), inside two layers that do not depend on each other.
 *
 * <ul>
 *   <li><b>The operating system</b> (bubblewrap): new user, PID, network, IPC and UTS namespaces
 *   (no network at all, not even loopback; no other process visible), an empty environment,
 *   {@code /usr} read-only for the C library Node links against, Node's binary, the runner and
 *   Pyodide's folder read-only at their own paths, an empty {@code /tmp}; no {@code /etc}, no home
 *   folders, no project. The process dies with the server.</li>
 *   <li><b>Node's permission model</b> ({@code --permission}): file reads only of the runner and
 *   Pyodide, no writes, no child processes, no worker threads, no native addons.</li>
 * </ul>
 *
 * The program inside controls the JavaScript runtime completely (any JS object leads to the
 * Function constructor and from there to {@code process}), so neither Pyodide's {@code jsglobals}
 * nor the runner's code is counted as a layer.
 */
public final class PythonSandbox {

    private final Path node;
    private final Path runner;
    private final Path pyodide;
    private final String bwrap;
    private final String unavailable;

    private PythonSandbox(Path node, Path runner, Path pyodide, String bwrap, String unavailable) {
        this.node = node;
        this.runner = runner;
        this.pyodide = pyodide;
        this.bwrap = bwrap;
        this.unavailable = unavailable;
    }

    /**
     * The sandbox for a project built by {@code ./mvnw package}: its Node ({@code target/node/node}),
     * runner and Pyodide ({@code src/main/frontend/}); unavailable, with the reason, when one is missing.
     */
    public static PythonSandbox forProject(Path root) {
        Path node = root.resolve("target/node/node").toAbsolutePath().normalize();
        Path runner = root.resolve("src/main/frontend/python-server.mjs").toAbsolutePath().normalize();
        Path pyodide = root.resolve("src/main/frontend/node_modules/pyodide").toAbsolutePath().normalize();
        String missing = !Files.isExecutable(node) ? node + " (Node, installed by ./mvnw package)"
                : !Files.isRegularFile(runner) ? runner.toString()
                : !Files.isRegularFile(pyodide.resolve("pyodide.mjs")) ? pyodide + " (Pyodide, installed by ./mvnw package)" : null;
        if (missing != null) {
            return new PythonSandbox(node, runner, pyodide, null, "Python runs are off on this server: " + missing
                    + " is missing (hint for its operator: run ./mvnw package in " + root.toAbsolutePath() + ")");
        }
        Optional<Path> bwrap = CommandPath.find("bwrap");
        if (bwrap.isEmpty()) {
            return new PythonSandbox(node, runner, pyodide, null, "Python runs are off on this server: it runs untrusted Python only "
                    + "inside an operating-system sandbox, and bwrap (bubblewrap) is not installed (hint for its operator: apt-get install bubblewrap)");
        }
        return new PythonSandbox(node, runner, pyodide, bwrap.get().toString(), null);
    }

    /** Why Python cannot run here, if it cannot. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** The command that starts one runner process inside both layers. */
    List<String> command() {
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        return osLayer(runtime(true));
    }

    /** The operating-system layer around {@code command}. */
    List<String> osLayer(List<String> command) {
        List<String> out = new ArrayList<>(List.of(bwrap,
                "--die-with-parent", "--new-session", "--unshare-all", "--clearenv",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", "/tmp/run", "--chdir", "/tmp/run"));
        for (Path path : List.of(node, runner, pyodide)) {
            out.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        out.add("--");
        out.addAll(command);
        return out;
    }

    /** Node running the runner, with its permission model on or (to test the other layer alone) off. */
    List<String> runtime(boolean permission) {
        List<String> out = new ArrayList<>(List.of(node.toString()));
        if (permission) {
            out.addAll(List.of("--permission", "--allow-fs-read=" + runner, "--allow-fs-read=" + pyodide));
        }
        // The JavaScript heap; Python's lives in WebAssembly memory, capped per run by the runner.
        out.addAll(List.of("--max-old-space-size=256", runner.toString(), pyodide.toString()));
        return out;
    }

    /** Starts one runner process by {@code command}. */
    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
