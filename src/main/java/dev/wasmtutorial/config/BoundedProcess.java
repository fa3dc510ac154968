package dev.wasmtutorial.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process that cannot outlive its deadline. Its output (stdout and stderr together) goes
 * to a file, not a pipe: reading a pipe to its end waits for every process that inherited it, so
 * a grandchild left running in the background could keep the caller waiting past any timeout.
 * The file is read as it grows, so the caller still sees each line as it is written.
 * <p>
 * The child's own children are tracked while it runs, because once it exits they belong to init
 * and can no longer be found from it: the wait ends when all of them have exited too (as waiting
 * for the end of a pipe did), and at the deadline every one still alive is killed with the child.
 */
public final class BoundedProcess {

    /** How often the output is read and the child's children are looked for. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Process process;
    private final Path output;
    private final Set<ProcessHandle> started = new HashSet<>();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long readUpTo;

    private BoundedProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code builder}'s command with its output (both streams) written to {@code output}. */
    public static BoundedProcess start(ProcessBuilder builder, Path output) throws IOException {
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return new BoundedProcess(builder.start(), output);
    }

    /**
     * Waits until the child and the processes it started have exited, passing each line of output
     * to {@code lines} as it arrives (null: the output is left in the file, unread).
     *
     * @param deadline a {@link System#nanoTime()} value
     * @return false if the deadline came first: then everything still running was killed
     * @throws IOException if the output cannot be read, InterruptedException: after killing everything still running
     */
    public boolean await(long deadline, Consumer<String> lines) throws IOException, InterruptedException {
        boolean exited;
        try {
            exited = waitUntil(deadline, lines);
        } catch (Exception e) { // nothing is left running when the caller stops waiting
            kill();
            throw e;
        }
        if (!exited) {
            kill();
        }
        forward(lines);
        if (lines != null && partialLine.size() > 0) { // a last line without a newline
            lines.accept(takeLine());
        }
        return exited;
    }

    private boolean waitUntil(long deadline, Consumer<String> lines) throws IOException, InterruptedException {
        while (running()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            process.waitFor(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            forward(lines);
        }
        return true;
    }

    /** The child's exit code; only once {@link #await} returned true. */
    public int exitValue() {
        return process.exitValue();
    }

    private boolean running() {
        process.descendants().forEach(started::add);
        started.removeIf(p -> !p.isAlive());
        return process.isAlive() || !started.isEmpty();
    }

    /** The child first, so that it starts nothing new; its children as seen just before (then they are no longer its). */
    private void kill() {
        process.descendants().forEach(started::add);
        process.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** Passes on the complete lines written since the last call; a line still being written waits for its end. */
    private void forward(Consumer<String> lines) throws IOException {
        if (lines == null) {
            return;
        }
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(output)) {
            in.skipNBytes(readUpTo);
            for (int n; (n = in.read(buffer)) > 0; readUpTo += n) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.accept(takeLine());
                    } else {
                        partialLine.write(buffer[i]);
                    }
                }
            }
        }
    }

    /** The line gathered so far, decoded whole (a multi-byte character may arrive in two reads). */
    private String takeLine() {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
