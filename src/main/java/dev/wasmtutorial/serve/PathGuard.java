package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Locale;

/**
 * Refuses request paths that could reach outside the served folder, before any file is looked
 * up: encoded dots or slashes, backslashes, NUL bytes, double encoding and {@code ..} segments.
 * Jetty's URI compliance already rejects most of these; this guard does not rely on it.
 */
final class PathGuard extends Handler.Wrapper {

    PathGuard(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String raw = request.getHttpURI().getPath();
        if (raw == null || isSuspicious(raw) || isSuspicious(request.getHttpURI().getDecodedPath())) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "Bad path");
            return true;
        }
        return super.handle(request, response, callback);
    }

    static boolean isSuspicious(String path) {
        if (path == null) {
            return true;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("\\") || lower.contains("%5c") || lower.contains("\0") || lower.contains("%00")
                || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%25")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
