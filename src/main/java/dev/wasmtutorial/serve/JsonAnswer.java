package dev.wasmtutorial.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;

/** Writes a JSON answer: an {@code {"error", "hint"}} refusal, or any object. */
public final class JsonAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswer() {
    }

    public static void write(Response response, Callback callback, int status, String error, String hint) {
        ObjectNode body = JSON.createObjectNode().put("error", error);
        if (hint != null) {
            body.put("hint", hint);
        }
        write(response, callback, status, body);
    }

    public static void write(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body.toString() + "\n", callback);
    }
}
