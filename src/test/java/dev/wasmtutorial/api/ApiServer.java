package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasmtutorial.python.PythonPool;
import dev.wasmtutorial.python.PythonSandbox;
import dev.wasmtutorial.serve.EventStreams;
import dev.wasmtutorial.serve.PreviewServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A live {@code serve --api} on a free port over a tiny site, and an HTTP client for it. */
final class ApiServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final PreviewServer server;
    final ExecutionApi api;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    }

    ApiServer(Path site, Path runs, String token, ApiLimits limits) throws Exception {
        this(site, runs, token, limits, 0);
    }

    /**
     * @param pythonPool sandboxed Python processes kept loaded, started from a Pyodide snapshot as
     *                   serve --api does (0: each Python run starts its own, loading Pyodide afresh)
     */
    ApiServer(Path site, Path runs, String token, ApiLimits limits, int pythonPool) throws Exception {
        Files.createDirectories(site);
        if (!Files.exists(site.resolve("index.html"))) {
            Files.writeString(site.resolve("index.html"), "<!doctype html><title>t</title><p>site</p>");
            Files.writeString(site.resolve("404.html"), "<!doctype html><title>404</title>");
        }
        this.api = new ExecutionApi(runs, token, limits, "emcc",
                new PythonPool(PythonSandbox.forProject(Path.of("")), pythonPool,
                        pythonPool > 0 ? Path.of("target/python-snapshots") : null));
        this.server = new PreviewServer(site, "127.0.0.1", 0, "/", false, java.util.List.of(), new EventStreams(limits.maxStreams(), 15_000), api).start();
        this.base = server.url();
    }

    static ApiLimits limits(int workers, int queue, int keep) {
        return new ApiLimits(workers, queue, keep, 600);
    }

    Answer post(String json) throws IOException, InterruptedException {
        return post(json, null);
    }

    Answer post(String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("execute")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return answer(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return answer(http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)));
    }

    private static Answer answer(HttpResponse<String> r) throws IOException {
        JsonNode json = r.headers().firstValue("content-type").orElse("").startsWith("application/json") ? JSON.readTree(r.body()) : null;
        return new Answer(r.statusCode(), json, r);
    }

    /** Submits and waits for the final status (compiles can be slow on a loaded machine). */
    JsonNode run(String json) throws Exception {
        Answer accepted = post(json);
        if (accepted.status() != 202) {
            throw new AssertionError("expected 202, got " + accepted.status() + " " + accepted.raw().body());
        }
        return waitFinal(accepted.json().get("id").asText());
    }

    JsonNode waitFinal(String id) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            JsonNode run = get("runs/" + id).json();
            if (RunRecord.FINAL.contains(run.get("status").asText())) {
                return run;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    static String c(String source) {
        return JSON.createObjectNode().put("language", "c").put("code", source).toString();
    }

    @Override
    public void close() throws Exception {
        server.close();
        api.close();
    }
}
