package dev.wasmtutorial.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How one Python run ended, in the API's terms.
 *
 * @param status      how it ended
 * @param stdout      what it printed, up to the output cap
 * @param stderr      its error output (the traceback of a failure), up to the output cap
 * @param truncated   whether output was cut at the cap
 * @param result      the last expression's value as JSON, or its repr as a JSON string; null if none
 * @param display     MIME bundles, in the order shown
 * @param diagnostics a SyntaxError's position, as {line, column, message}
 * @param exitCode    the code a program passed to sys.exit, when not 0
 * @param message     why it ended so, for statuses other than succeeded
 * @param runMillis   from handing over the program to its end
 * @param files       what it wrote under /output, within {@link OutputFile}'s caps
 * @param filesNote   what was left out of {@code files} and why, or null
 */
public record PythonOutcome(Status status, String stdout, String stderr, boolean truncated, JsonNode result, List<JsonNode> display,
                            List<JsonNode> diagnostics, Integer exitCode, String message, long runMillis, List<OutputFile> files,
                            String filesNote) {

    public enum Status { SUCCEEDED, FAILED, TIMED_OUT, MEMORY_LIMIT, OUTPUT_LIMIT }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Collects a run's output against its cap, then makes the outcome. */
    static final class Builder {
        private final long cap;
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private long bytes;
        private boolean over;

        Builder(long capBytes) {
            this.cap = capBytes;
        }

        /** Adds output; returns the part kept (all of it, or what fits under the cap). */
        String output(boolean isStdout, String text) {
            if (over) {
                return "";
            }
            long size = text.getBytes(StandardCharsets.UTF_8).length;
            String kept = text;
            if (bytes + size > cap) {
                over = true;
                kept = fit(text, cap - bytes);
            }
            bytes += kept.getBytes(StandardCharsets.UTF_8).length;
            (isStdout ? stdout : stderr).append(kept);
            return kept;
        }

        private static String fit(String text, long room) {
            int end = 0;
            long used = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (used + size > room) {
                    break;
                }
                used += size;
                end += Character.charCount(cp);
            }
            return text.substring(0, end);
        }

        private final List<OutputFile> files = new ArrayList<>();
        private long fileBytes;
        private final List<String> leftOut = new ArrayList<>();

        /** A file from /output, kept if its name is plain and it fits the caps. */
        void file(String name, String base64) {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                leftOut.add("a file that was not base64");
                return;
            }
            if (!OutputFile.validName(name)) {
                leftOut.add("a file whose name is not a plain relative path (letters, digits, '.', '_', '-', up to 5 folders)");
            } else if (files.stream().anyMatch(f -> f.name().equals(name))) {
                leftOut.add(name + " (twice)");
            } else if (files.size() >= OutputFile.MAX_FILES || fileBytes + bytes.length > OutputFile.MAX_BYTES) {
                leftOut.add(name + " (over " + OutputFile.MAX_FILES + " files or " + (OutputFile.MAX_BYTES >> 20) + " MiB)");
            } else {
                files.add(new OutputFile(name, bytes));
                fileBytes += bytes.length;
            }
        }

        boolean overOutput() {
            return over;
        }

        PythonOutcome done(JsonNode done, long runMillis) {
            String status = done.path("status").asText();
            JsonNode result = null;
            JsonNode value = done.path("result");
            if (value.has("json")) {
                try {
                    result = JSON.readTree(value.get("json").asText());
                } catch (IOException e) {
                    result = JSON.getNodeFactory().textNode(value.get("json").asText());
                }
            } else if (value.has("repr")) {
                result = JSON.getNodeFactory().textNode(value.get("repr").asText());
            }
            List<JsonNode> display = new ArrayList<>();
            done.path("display").forEach(display::add);
            List<JsonNode> diagnostics = new ArrayList<>();
            done.path("diagnostics").forEach(diagnostics::add);
            Integer exitCode = done.hasNonNull("exitCode") ? done.get("exitCode").asInt() : null;
            // The value and the display outputs are output too, under the same cap.
            long size = (result == null ? 0 : result.toString().getBytes(StandardCharsets.UTF_8).length)
                    + display.stream().mapToLong(d -> d.toString().getBytes(StandardCharsets.UTF_8).length).sum();
            if (bytes + size > cap) {
                over = true;
                return outputLimit(runMillis);
            }
            if (status.equals("succeeded")) {
                return make(Status.SUCCEEDED, result, display, diagnostics, null, null, runMillis);
            }
            if (done.path("memoryError").asBoolean()) {
                return make(Status.MEMORY_LIMIT, null, display, diagnostics, null, "MemoryError: the program asked for more than its memory limit", runMillis);
            }
            return make(Status.FAILED, null, display, diagnostics, exitCode,
                    exitCode != null ? "exited with code " + exitCode : diagnostics.isEmpty() ? "an exception ended the program (traceback in stderr)" : "SyntaxError",
                    runMillis);
        }

        PythonOutcome timedOut(int timeMs, long runMillis) {
            return make(Status.TIMED_OUT, null, List.of(), List.of(), null, "stopped at the time limit of " + timeMs + " ms", runMillis);
        }

        PythonOutcome memoryLimit(String why, long runMillis) {
            return make(Status.MEMORY_LIMIT, null, List.of(), List.of(), null, why, runMillis);
        }

        PythonOutcome outputLimit(long runMillis) {
            return make(Status.OUTPUT_LIMIT, null, List.of(), List.of(), null, "stopped at the output limit of " + cap + " bytes", runMillis);
        }

        PythonOutcome failed(String why, long runMillis) {
            return make(Status.FAILED, null, List.of(), List.of(), null, why, runMillis);
        }

        private PythonOutcome make(Status status, JsonNode result, List<JsonNode> display, List<JsonNode> diagnostics, Integer exitCode,
                                   String message, long runMillis) {
            String note = leftOut.isEmpty() ? null : "left out: " + String.join("; ", leftOut.subList(0, Math.min(5, leftOut.size())))
                    + (leftOut.size() > 5 ? "; and " + (leftOut.size() - 5) + " more" : "");
            List<OutputFile> byName = files.stream().sorted(java.util.Comparator.comparing(OutputFile::name)).toList();
            return new PythonOutcome(status, stdout.toString(), stderr.toString(), over, result, List.copyOf(display),
                    List.copyOf(diagnostics), exitCode, message, runMillis, byName, note);
        }
    }
}
