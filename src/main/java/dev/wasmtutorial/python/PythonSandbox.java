package dev.wasmtutorial.python;

import dev.wasmtutorial.config.BoundedProcess;
import dev.wasmtutorial.config.CommandPath;
import dev.wasmtutorial.config.Hashes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the server starts a process for untrusted Python: Pyodide under Node
 * ({@code src/main/frontend/python-server.mjs}), inside two layers that do not depend on each other.
 *
 * <ul>
 *   <li><b>The operating system</b> (bubblewrap): new user, PID, network, IPC and UTS namespaces
 *   (no network but its own loopback; no other process visible), user 65534 with no capabilities,
 *   a read-only root, 16 MiB memory-backed folders, 64 open files, 20 s of CPU, an empty environment,
 *   {@code /usr} read-only for the C library Node links against, Node's binary, the runner and
 *   Pyodide's folder read-only at their own paths, an empty {@code /tmp}; no {@code /etc}, no home
 *   folders, no project. The process dies with the server.</li>
 *   <li><b>Node's permission model</b> ({@code --permission}): file reads only of the runner and
 *   Pyodide, no writes, no child processes, no worker threads, no native addons; with V8's flags
 *   frozen and {@code node:sqlite} (which writes past the model) off.</li>
 * </ul>
 *
 * The program inside controls the JavaScript runtime completely (any JS object leads to the
 * Function constructor and from there to {@code process}), so neither Pyodide's {@code jsglobals}
 * nor the runner's code is counted as a layer.
 */
public final class PythonSandbox {

    /** Each of the sandbox's memory-backed folders ({@code /tmp}, {@code /dev/shm}). */
    static final long TMP_BYTES = 16L << 20;
    static final int OPEN_FILES = 64;
    static final int CPU_SECONDS = 20;
    /** 64 KiB pages: 256 MiB (the API's largest memory limit) plus 64 MiB for Pyodide itself. */
    static final int WASM_MAX_PAGES = (256 + 64) * 16;

    private final Path node;
    private final Path runner;
    private final Path pyodide;
    private final String bwrap;
    private final String unavailable;
    /** Pyodide's memory after loading, which a runner starts from instead of loading; null: load afresh. */
    private final Path snapshot;
    /** A folder with a Pyodide distribution's lock file and wheels, or null: the standard library only. */
    private final Path packages;

    private PythonSandbox(Path node, Path runner, Path pyodide, String bwrap, String unavailable, Path snapshot, Path packages) {
        this.node = node;
        this.runner = runner;
        this.pyodide = pyodide;
        this.bwrap = bwrap;
        this.unavailable = unavailable;
        this.snapshot = snapshot;
        this.packages = packages;
    }

    private PythonSandbox(Path node, Path runner, Path pyodide, String bwrap, String unavailable) {
        this(node, runner, pyodide, bwrap, unavailable, null, null);
    }

    /**
     * This sandbox with programs' imports installed from {@code folder} (read-only in the sandbox):
     * a Pyodide distribution's {@code pyodide-lock.json} and the wheels it names, e.g. the full
     * release with numpy, pandas and matplotlib. Nothing is fetched from the network.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public PythonSandbox withPackages(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("pyodide-lock.json"))) {
            throw new IllegalArgumentException(dir + " has no pyodide-lock.json: give the folder of a Pyodide distribution (its lock file and wheels)");
        }
        return new PythonSandbox(node, runner, pyodide, bwrap, unavailable, snapshot, dir);
    }

    /**
     * This sandbox with runners that start from a memory snapshot of a loaded Pyodide (about
     * 0.5 s instead of 4–6 s here), made once in {@code folder} by the runner itself, outside the
     * sandbox: no program takes part, only Pyodide and the modules the runner imports. The file is
     * named by a hash of the runner, Pyodide's lock file and Node, so a change to any makes a new one.
     * If the snapshot cannot be made, this sandbox as it is (runners load Pyodide afresh) and why.
     */
    public PythonSandbox withSnapshot(Path folder, java.util.function.Consumer<String> warn) {
        if (unavailable != null) {
            return this;
        }
        try {
            String key = Hashes.sha256Hex(Files.readString(runner), Files.readString(pyodide.resolve("pyodide-lock.json")),
                    node.toString(), String.valueOf(Files.size(node))).substring(0, 16);
            Path file = folder.toAbsolutePath().resolve("pyodide-" + key + ".snapshot");
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, "pyodide-", ".partial");
                try {
                    Path log = Files.createTempFile(folder, "pyodide-", ".log");
                    BoundedProcess make = BoundedProcess.start(new ProcessBuilder(node.toString(), runner.toString(), pyodide.toString(),
                            "--make-snapshot", partial.toString()), log);
                    boolean exited = make.await(System.nanoTime() + TimeUnit.MINUTES.toNanos(2), null);
                    String output = Files.readString(log).strip();
                    Files.deleteIfExists(log);
                    if (!exited || make.exitValue() != 0 || Files.size(partial) == 0) {
                        warn.accept("Python runners load Pyodide afresh (4-6 s each): its snapshot was not made ("
                                + (exited ? "exit " + make.exitValue() : "no end within 2 minutes") + (output.isEmpty() ? "" : ": " + output.lines().reduce((a, b) -> b).orElse("")) + ")");
                        return this;
                    }
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            return new PythonSandbox(node, runner, pyodide, bwrap, null, file, packages);
        } catch (IOException e) {
            warn.accept("Python runners load Pyodide afresh (4-6 s each): its snapshot was not made (" + e.getMessage() + ")");
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return this;
        }
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
        PythonSandbox sandbox = new PythonSandbox(node, runner, pyodide, bwrap.get().toString(), null);
        String broken = sandbox.probe();
        return broken == null ? sandbox : new PythonSandbox(node, runner, pyodide, null, "Python runs are off on this server: "
                + "bwrap cannot start the sandbox here (" + broken + "; hint for its operator: allow user namespaces, or run as root)");
    }

    /** Starts {@code true} inside the operating-system layer; null if that works, else what went wrong. */
    private String probe() {
        try {
            List<String> command = osLayer(List.of("/usr/bin/true"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readNBytes(4096)).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "no answer within 10 s";
            }
            return p.exitValue() == 0 ? null : output.isEmpty() ? "exit " + p.exitValue() : output;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
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
                "--die-with-parent", "--new-session", "--unshare-all",
                // An unprivileged user with no capabilities, even when the server runs as root:
                // nothing inside can remount a read-only folder or make a namespace of its own.
                "--unshare-user", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL", "--disable-userns",
                "--clearenv",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--proc", "/proc", "--dev", "/dev",
                // Memory-backed folders, small: a file there is memory the resident-size watch does not see.
                "--size", String.valueOf(TMP_BYTES), "--tmpfs", "/tmp", "--size", String.valueOf(TMP_BYTES), "--tmpfs", "/dev/shm",
                "--dir", "/tmp/run", "--chdir", "/tmp/run"));
        List<Path> shown = new ArrayList<>(List.of(node, runner, pyodide));
        if (snapshot != null) {
            shown.add(snapshot);
        }
        if (packages != null) {
            shown.add(packages);
        }
        for (Path path : shown) {
            out.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        out.addAll(List.of("--remount-ro", "/", "--",
                // Few open files (each socket holds kernel memory outside the process's RSS) and a
                // CPU-time backstop for threads the wall-clock deadline alone would let run in parallel.
                "/usr/bin/prlimit", "--nofile=" + OPEN_FILES, "--cpu=" + CPU_SECONDS, "--"));
        out.addAll(command);
        return out;
    }

    /** Node running the runner, with its permission model on or (to test the other layer alone) off. */
    List<String> runtime(boolean permission) {
        List<String> out = new ArrayList<>(List.of(node.toString()));
        if (permission) {
            out.addAll(List.of("--permission", "--allow-fs-read=" + runner, "--allow-fs-read=" + pyodide));
            if (snapshot != null) {
                out.add("--allow-fs-read=" + snapshot);
            }
            if (packages != null) {
                out.add("--allow-fs-read=" + packages);
            }
        }
        out.addAll(List.of(
                // V8's flags are the program's to change otherwise (v8.setFlagsFromString), among
                // them the one that turns off WebAssembly's bounds checks: frozen, a change aborts.
                "--freeze-flags-after-init",
                // node:sqlite writes files past the permission model.
                "--no-experimental-sqlite",
                // The JavaScript heap, and Python's (WebAssembly memory) at most: the server's largest
                // memory limit plus Pyodide's own. A run's own limit is the resident-size watch's.
                "--max-old-space-size=256", "--wasm-max-mem-pages=" + WASM_MAX_PAGES,
                runner.toString(), pyodide.toString()));
        if (snapshot != null) {
            out.add("--snapshot=" + snapshot);
        }
        if (packages != null) {
            out.add("--packages=" + packages);
        }
        return out;
    }

    /** Starts one runner process by {@code command}. */
    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
