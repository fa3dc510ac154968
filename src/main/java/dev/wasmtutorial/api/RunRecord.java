package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.python.PythonOutcome;
import dev.wasmtutorial.sandbox.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run as the API shows it: status, results, timings, and the events a stream replays. All
 * changes go through this object's lock, so a subscriber sees every event exactly once.
 */
final class RunRecord {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FINAL = List.of("succeeded", "failed", "compile_error", "timed_out", "memory_limit", "output_limit");

    private final String id;
    private final String base;
    private final Language language;
    private final long createdAt;
    private String status = "queued";
    private String message;
    private Integer exitCode;
    private List<Number> result;
    /** A Python run's last value (JSON, or its repr as a string), and its display outputs. */
    private JsonNode value;
    private List<JsonNode> display = List.of();
    /** A Python run's files under /output: name, size, type, sha256 (the bytes are in the store). */
    private List<JsonNode> outputFiles = List.of();
    private String outputFilesNote;
    /** What was asked: code, inputs and limits, kept with the outputs for reproducing and auditing a run. */
    private JsonNode request;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private boolean stdoutTruncated;
    private boolean stderrTruncated;
    private Map<String, String> files = Map.of();
    private List<Diagnostic> diagnostics = List.of();
    private long queuedMs;
    private long compileMs;
    private long runMs;
    private boolean compileCached;
    private final long acceptedNanos = System.nanoTime();
    private final List<RunEvent> events = new ArrayList<>();
    private final List<Consumer<RunEvent>> subscribers = new ArrayList<>();

    /** @param base the API's base path, "/" or "/sub-path/", for the links */
    RunRecord(String id, String base, Language language, long createdAt) {
        this.id = id;
        this.base = base;
        this.language = language;
        this.createdAt = createdAt;
        events.add(new RunEvent(1, "status", "queued"));
    }

    String id() {
        return id;
    }

    /** Records what the run was asked to do (set once, before the run is stored). */
    synchronized void request(ExecuteRequest asked) {
        ObjectNode r = JSON.createObjectNode();
        r.put("code", asked.code());
        if (asked.call() != null) {
            ObjectNode call = r.putObject("call").put("export", asked.call().export());
            asked.call().args().forEach(call.putArray("args")::addPOJO);
        }
        ObjectNode inputs = r.putObject("inputs");
        inputs.put("stdin", asked.stdin());
        asked.args().forEach(inputs.putArray("args")::add);
        ObjectNode files = inputs.putObject("files");
        asked.files().forEach(files::put);
        r.putObject("limits").put("timeMs", asked.limits().timeMs()).put("memoryMiB", asked.limits().memoryPages() / 16)
                .put("outputKiB", asked.limits().outputBytes() / 1024);
        this.request = r;
    }

    long createdAt() {
        return createdAt;
    }

    synchronized String status() {
        return status;
    }

    synchronized boolean finished() {
        return FINAL.contains(status);
    }

    synchronized void compiling() {
        queuedMs = (System.nanoTime() - acceptedNanos) / 1_000_000;
        setStatus("compiling");
    }

    synchronized void compiled(long millis, boolean cached) {
        compileMs = millis;
        compileCached = cached;
    }

    synchronized void running() {
        if (status.equals("queued")) {
            queuedMs = (System.nanoTime() - acceptedNanos) / 1_000_000;
        }
        setStatus("running");
    }

    synchronized void output(boolean isStdout, String chunk) {
        if (finished()) {
            return; // a worker still winding down after its deadline
        }
        (isStdout ? stdout : stderr).append(chunk);
        emit(isStdout ? "stdout" : "stderr", chunk);
    }

    synchronized void compileError(List<Diagnostic> diagnostics, String message) {
        this.diagnostics = List.copyOf(diagnostics);
        this.message = message;
        finish("compile_error");
    }

    /** The sandbox's outcome; stdout/stderr were streamed already, the outcome's copies are authoritative. */
    synchronized void finished(Outcome outcome) {
        takeOutput(outcome.stdout(), outcome.stderr(), outcome.stdoutTruncated(), outcome.stderrTruncated(), outcome.exitCode());
        result = outcome.result().isEmpty() ? null : outcome.result();
        files = outcome.files();
        runMs = outcome.runMillis();
        message = outcome.status() == Outcome.Status.REJECTED && outcome.rejection() != null
                ? "rejected before running: needs " + outcome.rejection().required() + "; " + outcome.rejection().found()
                : outcome.message();
        finish(switch (outcome.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILED, REJECTED -> "failed";
            case TIMED_OUT -> "timed_out";
            case MEMORY_LIMIT -> "memory_limit";
            case OUTPUT_LIMIT -> "output_limit";
        });
    }

    /** A Python run's outcome; as for {@link #finished(Outcome)}, its copies of the output are authoritative. */
    synchronized void finished(PythonOutcome outcome) {
        takeOutput(outcome.stdout(), outcome.stderr(), outcome.truncated(), outcome.truncated(), outcome.exitCode());
        value = outcome.result();
        display = outcome.display();
        outputFiles = outcome.files().stream().map(f -> (JsonNode) JSON.createObjectNode().put("name", f.name()).put("size", f.bytes().length)
                .put("type", f.mimeType()).put("sha256", Hashes.sha256Hex(f.bytes()))).toList();
        outputFilesNote = outcome.filesNote();
        diagnostics = outcome.diagnostics().stream()
                .map(d -> new Diagnostic(d.path("line").asInt(), d.path("column").asInt(), d.path("message").asText())).toList();
        runMs = outcome.runMillis();
        message = outcome.message();
        finish(switch (outcome.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed_out";
            case MEMORY_LIMIT -> "memory_limit";
            case OUTPUT_LIMIT -> "output_limit";
        });
    }

    /** The streamed output replaced by the sandbox's final copy, which is cut at the cap exactly. */
    private void takeOutput(String out, String err, boolean outCut, boolean errCut, Integer exit) {
        stdout.setLength(0);
        stdout.append(out);
        stderr.setLength(0);
        stderr.append(err);
        stdoutTruncated = outCut;
        stderrTruncated = errCut;
        exitCode = exit;
    }

    synchronized void failed(String why) {
        message = why;
        finish("failed");
    }

    private void finish(String finalStatus) {
        setStatus(finalStatus);
        emit("done", toJson().toString());
        subscribers.clear();
    }

    private void setStatus(String s) {
        status = s;
        emit("status", s);
    }

    private void emit(String name, String data) {
        RunEvent event = new RunEvent(events.size() + 1, name, data);
        events.add(event);
        for (Consumer<RunEvent> s : List.copyOf(subscribers)) {
            s.accept(event);
        }
    }

    /**
     * Hands {@code sink} every event after {@code lastEventId}, then each new one as it happens.
     * Returns true if the run is finished (nothing more will come).
     */
    synchronized boolean subscribe(long lastEventId, Consumer<RunEvent> sink) {
        for (RunEvent e : events) {
            if (e.id() > lastEventId) {
                sink.accept(e);
            }
        }
        if (finished()) {
            return true;
        }
        subscribers.add(sink);
        return false;
    }

    synchronized void unsubscribe(Consumer<RunEvent> sink) {
        subscribers.remove(sink);
    }

    synchronized ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("language", language.wire());
        o.put("status", status);
        o.put("createdAt", createdAt);
        if (message != null) {
            o.put("message", message);
        }
        if (exitCode != null) {
            o.put("exitCode", exitCode);
        }
        if (result != null) {
            ArrayNode r = o.putArray("result");
            result.forEach(n -> r.addPOJO(n));
        }
        if (language == Language.PYTHON) {
            if (value != null) {
                o.set("result", value);
            }
            o.putArray("display").addAll(display);
            ArrayNode files = o.putArray("outputFiles");
            for (JsonNode file : outputFiles) {
                files.add(((ObjectNode) file.deepCopy()).put("link", base + "runs/" + id + "/files/" + file.path("name").asText()));
            }
            if (outputFilesNote != null) {
                o.put("outputFilesNote", outputFilesNote);
            }
        }
        o.put("stdout", stdout.toString());
        o.put("stderr", stderr.toString());
        ObjectNode truncated = o.putObject("truncated");
        truncated.put("stdout", stdoutTruncated);
        truncated.put("stderr", stderrTruncated);
        ObjectNode f = o.putObject("files");
        files.forEach(f::put);
        if (status.equals("compile_error") || (language == Language.PYTHON && !diagnostics.isEmpty())) {
            ArrayNode d = o.putArray("diagnostics");
            for (Diagnostic diagnostic : diagnostics) {
                d.addObject().put("line", diagnostic.line()).put("column", diagnostic.column()).put("message", diagnostic.message());
            }
        }
        ObjectNode t = o.putObject("timings");
        t.put("queuedMs", queuedMs);
        t.put("compileMs", compileMs);
        t.put("runMs", runMs);
        if (language == Language.C) {
            t.put("compileCached", compileCached);
        }
        if (request != null) {
            o.set("request", request);
        }
        o.putObject("links").put("self", base + "runs/" + id).put("events", base + "runs/" + id + "/events");
        return o;
    }

    /** What goes on disk: the API's JSON plus the events, so a stream resumed after a restart keeps its ids. */
    synchronized ObjectNode toSaved() {
        ObjectNode o = toJson();
        ArrayNode list = o.putArray("events");
        for (RunEvent e : events) {
            if (!e.name().equals("done")) {
                list.addObject().put("id", e.id()).put("name", e.name()).put("data", e.data());
            }
        }
        return o;
    }

    /** A run read back from disk, with its saved events; an unfinished one becomes failed. */
    static RunRecord restore(ObjectNode saved, String base) {
        RunRecord r = new RunRecord(saved.path("id").asText(), base,
                Language.of(saved.path("language").asText()).orElse(Language.C), saved.path("createdAt").asLong());
        r.status = saved.path("status").asText();
        r.message = saved.hasNonNull("message") ? saved.get("message").asText() : null;
        r.exitCode = saved.hasNonNull("exitCode") ? saved.get("exitCode").asInt() : null;
        if (r.language == Language.PYTHON) {
            r.value = saved.get("result");
            List<JsonNode> display = new ArrayList<>();
            saved.path("display").forEach(display::add);
            r.display = display;
            List<JsonNode> files = new ArrayList<>();
            saved.path("outputFiles").forEach(f -> files.add(((ObjectNode) f.deepCopy()).without("link")));
            r.outputFiles = files;
            r.outputFilesNote = saved.hasNonNull("outputFilesNote") ? saved.get("outputFilesNote").asText() : null;
        } else if (saved.has("result")) {
            List<Number> values = new ArrayList<>();
            saved.get("result").forEach(n -> values.add(n.numberValue()));
            r.result = values;
        }
        r.stdout.append(saved.path("stdout").asText());
        r.stderr.append(saved.path("stderr").asText());
        r.stdoutTruncated = saved.path("truncated").path("stdout").asBoolean();
        r.stderrTruncated = saved.path("truncated").path("stderr").asBoolean();
        Map<String, String> files = new java.util.TreeMap<>();
        saved.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        r.files = files;
        List<Diagnostic> diagnostics = new ArrayList<>();
        saved.path("diagnostics").forEach(d -> diagnostics.add(new Diagnostic(d.path("line").asInt(), d.path("column").asInt(),
                d.path("message").asText())));
        r.diagnostics = diagnostics;
        r.request = saved.get("request");
        r.queuedMs = saved.path("timings").path("queuedMs").asLong();
        r.compileMs = saved.path("timings").path("compileMs").asLong();
        r.runMs = saved.path("timings").path("runMs").asLong();
        r.compileCached = saved.path("timings").path("compileCached").asBoolean();
        r.events.clear();
        saved.path("events").forEach(e -> r.events.add(new RunEvent(e.path("id").asLong(), e.path("name").asText(), e.path("data").asText())));
        if (r.events.isEmpty()) {
            r.events.add(new RunEvent(1, "status", "queued"));
        }
        if (!r.finished()) { // it was queued or running when the server stopped
            r.message = "the server stopped before this run finished; submit it again";
            r.setStatus("failed");
        }
        r.events.add(new RunEvent(r.events.size() + 1, "done", r.toJson().toString()));
        return r;
    }
}
