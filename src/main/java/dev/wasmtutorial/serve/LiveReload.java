package dev.wasmtutorial.serve;

import dev.wasmtutorial.config.SiteConfig;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events at {@code /__livereload}: each open page keeps one stream, and
 * {@link #reload()} tells all of them to reload. Used only by {@code serve --watch}.
 */
public final class LiveReload extends Handler.Wrapper {

    public static final String PATH = "/__livereload";
    private static final long HEARTBEAT_SECONDS = 15;

    /**
     * The page side, published by the build as its extra script: reloads the page when the site
     * was rebuilt. It runs before the site's module script and turns offline support off (and
     * drops a service worker an earlier visit installed), so the preview never shows cached pages.
     */
    public static final SiteConfig.ExtraScript CLIENT = new SiteConfig.ExtraScript("assets/livereload.js", """
            // Added by `serve --watch` only: reload when the site has been rebuilt; no offline cache while previewing.
            (function () {
              document.documentElement.dataset.offline = 'off';
              if ('serviceWorker' in navigator) {
                navigator.serviceWorker.getRegistrations().then(function (all) { all.forEach(function (r) { r.unregister(); }); });
              }
              var url = new URL('../__livereload', document.currentScript.src);
              var source = new EventSource(url);
              source.onmessage = function (event) { if (event.data === 'reload') { location.reload(); } };
            })();
            """);

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    LiveReload(Handler next) {
        super(next);
    }

    /** Sends a reload event to every connected page. */
    public void reload() {
        clients.forEach(q -> q.offer("reload"));
    }

    public int clientCount() {
        return clients.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!Request.getPathInContext(request).equals(PATH)) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        // A development server has few clients: holding one pool thread per open tab is fine.
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!stopped) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                out.write((event == null ? ": heartbeat\n\n" : "data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            callback.succeeded();
        } catch (IOException e) {
            callback.succeeded(); // the tab went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.succeeded();
        } finally {
            clients.remove(queue);
        }
        return true;
    }

    @Override
    protected void doStop() throws Exception {
        stopped = true;
        clients.forEach(q -> q.offer("bye"));
        super.doStop();
    }
}
