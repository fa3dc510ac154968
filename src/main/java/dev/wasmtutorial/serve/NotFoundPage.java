package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Answers every request that reached it with the site's own 404.html and status 404. */
final class NotFoundPage extends Handler.Abstract {

    private final Path siteDir;

    NotFoundPage(Path siteDir) {
        this.siteDir = siteDir;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(HttpStatus.NOT_FOUND_404);
        Path page = siteDir.resolve("404.html");
        byte[] body;
        try {
            body = Files.readAllBytes(page);
        } catch (IOException e) {
            body = "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".getBytes();
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            callback.succeeded();
            return true;
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
