package dev.wasmtutorial.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Every error this server answers, including those Jetty raises before any handler runs (a bad
 * request line, a URI or headers too large, an unknown HTTP version): the security headers, and a
 * short page (or JSON for clients that ask for it) with the status and, for errors of our own, a
 * sentence on what to do. It names no server software and shows no exception.
 */
final class ErrorPage extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Added here, not only in generateResponse: Jetty answers some errors without a body.
        SecurityHeaders.addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }

    /** A short page for every method, so a refused PUT or DELETE says why as a GET would. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String status = code + " " + HttpStatus.getMessage(code);
        // Jetty's own messages for parser errors may quote the request or name its classes; only
        // sentences written for Response.writeError without an exception are shown.
        String detail = cause == null && message != null && !message.equals(HttpStatus.getMessage(code)) ? message : null;
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        String type;
        String body;
        if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
            type = "application/json;charset=utf-8";
            ObjectNode json = JSON.createObjectNode().put("status", code).put("error", HttpStatus.getMessage(code));
            if (detail != null) {
                json.put("hint", detail);
            }
            body = json.toString();
        } else {
            type = "text/html;charset=utf-8";
            body = "<!DOCTYPE html><meta charset=\"utf-8\"><title>" + status + "</title><h1>" + status + "</h1>"
                    + (detail == null ? "" : "<p>" + html(detail) + "</p>") + "\n";
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
