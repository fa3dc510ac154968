package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The static files can only be read: any method but GET and HEAD gets 405 with {@code Allow},
 * which tells a client the path exists but the method is wrong (a 404 would say it does not).
 */
final class ReadOnlyMethods extends Handler.Wrapper {

    static final String ALLOW = "GET, HEAD";

    ReadOnlyMethods(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                "Only GET and HEAD are served here.");
        return true;
    }
}
