package dev.wasmtutorial.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmtutorial.sandbox.RunListener;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One sandboxed runner process: started ahead of time, it loads Pyodide and says it is ready;
 * then it gets exactly one program and is destroyed whatever happens, so nothing of one run
 * (globals, files, a task left running) can be seen by the next. The server's side of the limits
 * is here: the deadline, the output cap, and the process's resident memory, watched from outside
 * because nothing inside the process can be trusted to keep a limit.
 */
final class PythonProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the process's resident memory is read while a program runs. */
    private static final long MEMORY_POLL_MS = 20;
    /** Room over the run's memory limit for what is not Python's heap (V8, Node, buffers). */
    private static final long MEMORY_SLACK_MIB = 96;
    /** A protocol line longer than this is not from the runner: the program wrote it. */
    private static final int MAX_LINE_CHARS = 12 << 20; // an 8 MiB output file in base64, and room

    private final Process process;
    private volatile boolean closed;
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    /** Lines after "ready", and an end marker when the output closes. */
    private final BlockingQueue<JsonNode> lines = new ArrayBlockingQueue<>(1024);
    private static final JsonNode END = JSON.createObjectNode().put("end", true);

    PythonProcess(PythonSandbox sandbox) throws IOException {
        this(sandbox.command());
    }

    /** A runner started by another command: the tests start one with only one of the two layers. */
    PythonProcess(List<String> command) throws IOException {
        this.process = PythonSandbox.start(command);
        Thread reader = new Thread(this::read, "python-runner-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = readLine(out)) != null) {
                JsonNode message;
                try {
                    message = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // not the runner's: something the program wrote to the real stdout
                }
                if (!ready.isDone()) {
                    if (message.path("ready").asBoolean()) {
                        ready.complete((System.nanoTime() - startedNanos) / 1_000_000);
                    }
                    continue;
                }
                // Once the run is over nobody reads the queue: a program that flooded the pipe
                // must not leave this thread blocked for ever.
                while (!lines.offer(message, 100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the process was destroyed
        } finally {
            ready.completeExceptionally(new IOException("the Python runner exited before it was ready"));
            lines.offer(END);
        }
    }

    /** A line, cut at {@link #MAX_LINE_CHARS} (the rest of an over-long line is skipped). */
    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() < MAX_LINE_CHARS) {
                line.append((char) c);
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** Completes with the milliseconds Pyodide took to load, or exceptionally if the process died first. */
    CompletableFuture<Long> ready() {
        return ready;
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Runs one program and destroys the process. Output goes to {@code listener} as it comes, up to
     * the cap; the outcome says how the run ended.
     */
    PythonOutcome run(String code, String stdin, List<String> args, Map<String, String> files, int timeMs, int memoryMiB,
                      long outputBytes, RunListener listener) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeMs);
        PythonOutcome.Builder outcome = new PythonOutcome.Builder(outputBytes);
        try (this) {
            ObjectNode job = JSON.createObjectNode();
            job.put("code", code).put("stdin", stdin);
            args.forEach(job.putArray("args")::add);
            ObjectNode f = job.putObject("files");
            files.forEach(f::put);
            try {
                OutputStream in = process.getOutputStream();
                in.write((JSON.writeValueAsString(job) + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                return outcome.failed("the Python runner stopped before it took the program", millis(started));
            }
            long baseline = residentMiB();
            long memoryCap = baseline + memoryMiB + MEMORY_SLACK_MIB;
            long nextPoll = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return outcome.timedOut(timeMs, millis(started));
                }
                if (now >= nextPoll) {
                    long resident = residentMiB();
                    if (resident > memoryCap) {
                        return outcome.memoryLimit("the process used " + resident + " MiB, over the run's " + memoryMiB
                                + " MiB (plus the runtime's " + baseline + " MiB)", millis(started));
                    }
                    nextPoll = now + TimeUnit.MILLISECONDS.toNanos(MEMORY_POLL_MS);
                }
                JsonNode message = lines.poll(Math.min(deadline, nextPoll) - now, TimeUnit.NANOSECONDS);
                if (message == null) {
                    continue;
                }
                if (message == END) {
                    return outcome.failed("the Python runner ended without finishing the run" + exitNote(), millis(started));
                }
                if (message.has("out")) {
                    boolean stdout = message.path("out").asText().equals("stdout");
                    String text = message.path("text").asText();
                    String kept = outcome.output(stdout, text);
                    if (!kept.isEmpty()) {
                        listener.output(stdout ? RunListener.Channel.STDOUT : RunListener.Channel.STDERR, kept);
                    }
                    if (outcome.overOutput()) {
                        return outcome.outputLimit(millis(started));
                    }
                } else if (message.has("file")) {
                    outcome.file(message.path("file").path("name").asText(null), message.path("file").path("data").asText(""));
                } else if (message.has("done")) {
                    return outcome.done(message.get("done"), millis(started));
                }
            }
        }
    }

    private String exitNote() {
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " (exit " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Resident memory of the process and its children (bwrap's Node), in MiB; 0 when unreadable. */
    private long residentMiB() {
        long kib = rssKiB(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            kib += rssKiB(child.pid());
        }
        return kib / 1024;
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone already
        }
        return 0;
    }

    /**
     * Kills the process and everything it started: bubblewrap first, which takes its children
     * with it (--die-with-parent); what is somehow left a second later is killed directly. Killing
     * all at once left bubblewrap's inner process as a zombie for whoever is PID 1.
     */
    @Override
    public void close() {
        closed = true;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed with the process
        }
    }

    /** For the pool's log. */
    @Override
    public String toString() {
        return "python runner " + process.pid();
    }
}
