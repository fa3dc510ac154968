package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmtutorial.serve.EventStreams;
import dev.wasmtutorial.python.OutputFile;
import dev.wasmtutorial.serve.JsonAnswer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The HTTP side of the execution API: {@code POST /execute}, {@code GET /runs/{id}},
 * {@code GET /runs/{id}/events}, {@code GET /runs/{id}/files/{name}}. Everything else goes on to the site. Errors are JSON
 * {@code {"error", "hint"}}. Same-origin only: a request whose {@code Origin} is another site
 * is refused, and no CORS header is ever sent.
 */
final class ApiHandler extends Handler.Wrapper {

    private final EventStreams streams;
    private final RunStore store;
    private final RunQueue queue;
    private final byte[] token;

    ApiHandler(Handler site, EventStreams streams, RunStore store, RunQueue queue, String token) {
        super(site);
        this.streams = streams;
        this.store = store;
        this.queue = queue;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean execute = path.equals("/execute");
        boolean runs = path.startsWith("/runs/");
        // Near misses of the API's paths answer in JSON, as the API does, not with the site's HTML pages.
        boolean nearMiss = path.equals("/runs") || path.startsWith("/execute/");
        if (!execute && !runs && !nearMiss) {
            return super.handle(request, response, callback);
        }
        try {
            if (nearMiss) {
                throw new ApiError(404, "no API path " + path, "the API's paths are POST /execute, GET /runs/{id}, GET /runs/{id}/events and GET /runs/{id}/files/{name}");
            }
            if (!sameOrigin(request)) {
                throw new ApiError(403, "cross-origin requests are not allowed", "call the API from pages of this server, or without a browser");
            }
            if (execute) {
                requireMethod(request, "POST");
                accept(request, response, callback);
                return true;
            }
            String rest = path.substring("/runs/".length());
            int files = rest.indexOf("/files/");
            if (files > 0) {
                requireMethod(request, "GET", "HEAD");
                serveFile(response, callback, rest.substring(0, files), rest.substring(files + "/files/".length()));
                return true;
            }
            boolean events = rest.endsWith("/events");
            String id = events ? rest.substring(0, rest.length() - "/events".length()) : rest;
            requireMethod(request, "GET", "HEAD");
            RunRecord run = store.get(id);
            if (run == null) {
                throw new ApiError(404, "no run with id '" + id + "'", "ids come from POST /execute; old runs are evicted");
            }
            if (events) {
                stream(request, response, callback, run);
            } else {
                JsonAnswer.write(response, callback, 200, run.toJson());
            }
        } catch (ApiError e) {
            if (e.status() == 405) {
                response.getHeaders().put(HttpHeader.ALLOW, e.hint().substring("allowed: ".length()));
            }
            if (e.status() == 429) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            }
            if (e.status() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            JsonAnswer.write(response, callback, e.status(), e.getMessage(), e.hint());
        }
        return true;
    }

    private void accept(Request request, Response response, Callback callback) throws ApiError, IOException {
        // The body (size-limited) is read before anything can refuse the request: a server that
        // answers early and closes with the body still arriving makes the kernel reset the
        // connection, and the client may lose the answer (seen as an empty reply to a 401).
        byte[] body = body(request);
        if (token != null) {
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            // The scheme's name is case-insensitive (RFC 9110, 11.1); the token is compared in constant time.
            boolean bearer = auth != null && auth.length() > 7 && auth.regionMatches(true, 0, "Bearer ", 0, 7);
            if (!bearer || !MessageDigest.isEqual(token, auth.substring(7).getBytes(StandardCharsets.UTF_8))) {
                throw new ApiError(401, "missing or wrong Authorization header", "send Authorization: Bearer <the server's --api-token>");
            }
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(400, "content-type must be application/json", "send the header Content-Type: application/json");
        }
        ExecuteRequest parsed = new RequestParser().parse(body);
        RunRecord run = new RunRecord(UUID.randomUUID().toString().replace("-", ""), contextBase(request), parsed.language(),
                System.currentTimeMillis());
        run.request(parsed);
        store.add(run);
        if (!queue.submit(run, parsed)) {
            store.discard(run);
            throw new ApiError(429, "the run queue is full", "retry after the time in Retry-After");
        }
        ObjectNode answer = RunRecord.JSON.createObjectNode();
        ObjectNode full = run.toJson();
        answer.put("id", run.id());
        answer.put("status", "queued");
        answer.set("links", full.get("links"));
        response.getHeaders().put(HttpHeader.LOCATION, full.get("links").get("self").asText());
        JsonAnswer.write(response, callback, 202, answer);
    }

    /**
     * A file a Python run wrote under /output. Its bytes are the program's, so no browser may run
     * them on this origin: a sandboxing policy (no script, an opaque origin), no type sniffing, and
     * a download for anything but plain images and data.
     */
    private void serveFile(Response response, Callback callback, String id, String name) throws ApiError {
        byte[] bytes = store.file(id, name);
        if (bytes == null) {
            throw new ApiError(404, "run '" + id + "' has no output file '" + name + "'", "GET /runs/{id} lists them under outputFiles");
        }
        OutputFile file = new OutputFile(name, bytes);
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, file.mimeType());
        headers.put("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        headers.put("Content-Disposition", (file.inline() ? "inline" : "attachment") + "; filename=\"" + fileName + "\"");
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.setStatus(200);
        response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
    }

    private static String contextBase(Request request) {
        String context = Request.getContextPath(request);
        return context == null || context.isEmpty() || context.equals("/") ? "/" : context + "/";
    }

    /**
     * A refused body is still read and dropped up to this size: closing a connection with unread
     * data makes the kernel reset it, and a client still sending may lose the 413 (ExecutionApiIT
     * saw an empty reply). Larger bodies are cut off by closing, answer or not.
     */
    private static final long DRAIN_BYTES = 4L * ApiLimits.MAX_BODY_BYTES;

    private static byte[] body(Request request) throws ApiError, IOException {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > ApiLimits.MAX_BODY_BYTES) {
                drain(in, declared);
                throw new ApiError(413, "body is " + declared + " bytes, over the limit of " + ApiLimits.MAX_BODY_BYTES,
                        "send a smaller program or module");
            }
            byte[] bytes = in.readNBytes(ApiLimits.MAX_BODY_BYTES + 1);
            if (bytes.length > ApiLimits.MAX_BODY_BYTES) {
                drain(in, declared);
                throw new ApiError(413, "body is over the limit of " + ApiLimits.MAX_BODY_BYTES + " bytes", "send a smaller program or module");
            }
            return bytes;
        }
    }

    private static void drain(InputStream in, long declared) throws IOException {
        if (declared <= DRAIN_BYTES) { // unknown (-1) or bounded: read on, up to the limit
            long skipped = 0;
            byte[] sink = new byte[8192];
            for (int n; skipped < DRAIN_BYTES && (n = in.read(sink)) > 0; ) {
                skipped += n;
            }
        }
    }

    private void stream(Request request, Response response, Callback callback, RunRecord run) throws ApiError {
        long lastEventId = 0;
        String header = request.getHeaders().get("Last-Event-ID");
        if (header != null) {
            try {
                lastEventId = Long.parseLong(header.strip());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "Last-Event-ID must be a number", "send the id: of the last event received");
            }
        }
        EventStreams.Stream stream = streams.open(request, response, callback);
        if (stream == null) {
            throw new ApiError(503, "too many open event streams", "poll GET /runs/{id} instead, or retry shortly");
        }
        Consumer<RunEvent> sink = event -> {
            stream.send(event.frame());
            if (event.name().equals("done")) {
                stream.close();
            }
        };
        stream.onClose(() -> run.unsubscribe(sink));
        if (run.subscribe(lastEventId, sink)) {
            stream.close(); // finished: replayed what was missed, nothing more will come
        }
    }

    /** No Origin header (curl, scripts) or the server's own origin. */
    private static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        String scheme = request.getHttpURI().getScheme();
        return host != null && origin.equalsIgnoreCase((scheme == null ? "http" : scheme) + "://" + host);
    }

    private static void requireMethod(Request request, String... allowed) throws ApiError {
        for (String m : allowed) {
            if (m.equals(request.getMethod())) {
                return;
            }
        }
        throw new ApiError(405, "method " + request.getMethod() + " is not allowed here", "allowed: " + String.join(", ", allowed));
    }
}
