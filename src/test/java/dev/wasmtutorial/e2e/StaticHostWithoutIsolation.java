package dev.wasmtutorial.e2e;

import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built site served the way a plain static host serves it: files only, no COOP/COEP (so the
 * page is not cross-origin isolated) and no Content-Security-Policy. Counts the requests it gets.
 */
final class StaticHostWithoutIsolation implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    final AtomicInteger requests = new AtomicInteger();

    StaticHostWithoutIsolation(Path dir) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(dir));
        files.setWelcomeFiles("index.html");
        MimeTypes.Mutable types = new MimeTypes.Mutable(MimeTypes.DEFAULTS);
        types.addMimeMapping("mjs", "text/javascript");
        types.addMimeMapping("wasm", "application/wasm");
        files.setMimeTypes(types);
        server.setHandler(new Handler.Wrapper(files) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                requests.incrementAndGet();
                return super.handle(request, response, callback);
            }
        });
        server.start();
    }

    String url(String sitePath) {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/" + sitePath;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
