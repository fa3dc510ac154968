package dev.wasmtutorial.api;

import dev.wasmtutorial.config.CommandPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the C compiler on untrusted source inside bubblewrap ({@code bwrap}): the compiler sees
 * {@code /usr} read-only (its own files and the system's public ones), the compile's own folder,
 * an empty {@code /tmp}, and nothing else: no {@code /etc}, no home folders, no project, no
 * other process, no network. Source that asks the compiler to read a host file (inline
 * assembly's {@code .incbin}, an {@code #include} of an absolute path, and ways around a check
 * of the source) then finds nothing there. {@link SourceScreen} refuses the obvious forms with a
 * clear message; this is the boundary.
 *
 * <p>Without a working bwrap the server compiles no C at all (fail closed); the reason is the
 * compile error every C request gets.
 */
final class CompilerSandbox {

    /** What a C request is answered when there is no sandbox, or null when there is one. */
    private final String unavailable;
    private final String bwrap;

    private CompilerSandbox(String bwrap, String unavailable) {
        this.bwrap = bwrap;
        this.unavailable = unavailable;
    }

    /** Finds bwrap and proves it can start a program in the sandbox this class uses. */
    static CompilerSandbox probe() {
        Optional<Path> bwrap = CommandPath.find("bwrap");
        if (bwrap.isEmpty()) {
            return new CompilerSandbox(null, "C compilation is off on this server: it compiles untrusted C only inside an "
                    + "operating-system sandbox, and bwrap (bubblewrap) is not installed (hint for its operator: apt-get install bubblewrap)");
        }
        CompilerSandbox sandbox = new CompilerSandbox(bwrap.get().toString(), null);
        try {
            Path dir = Files.createTempDirectory("sandbox-probe-");
            try {
                Process p = new ProcessBuilder(sandbox.wrap(List.of("/usr/bin/true"), dir)).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readNBytes(4096)).strip();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    output = "no answer within 10 s";
                }
                if (p.exitValue() != 0) {
                    return new CompilerSandbox(null, "C compilation is off on this server: bwrap cannot start the compiler's "
                            + "sandbox here (" + output + "; hint for its operator: allow user namespaces, or run as root)");
                }
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException | InterruptedException | IllegalThreadStateException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new CompilerSandbox(null, "C compilation is off on this server: the compiler's sandbox failed to start (" + e.getMessage() + ")");
        }
        return sandbox;
    }

    /** Why C cannot be compiled here, if it cannot. */
    Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** {@code command}, to be run in {@code dir}, inside the sandbox (with {@code dir} its only writable folder). */
    List<String> wrap(List<String> command, Path dir) {
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        String folder = dir.toAbsolutePath().toString();
        List<String> out = new ArrayList<>(List.of(bwrap,
                "--die-with-parent", "--new-session", "--unshare-all",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--bind", folder, folder, "--chdir", folder, "--"));
        out.addAll(command);
        return out;
    }

}
