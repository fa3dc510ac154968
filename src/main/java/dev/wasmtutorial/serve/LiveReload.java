package dev.wasmtutorial.serve;

import dev.wasmtutorial.config.SiteConfig;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-Sent Events at {@code /__livereload}: each open page keeps one stream (no thread held,
 * see {@link EventStreams}), and {@link #reload()} tells all of them to reload. Used only by
 * {@code serve --watch}.
 */
public final class LiveReload extends Handler.Wrapper {

    public static final String PATH = "/__livereload";

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

    private final EventStreams streams;
    private final Set<EventStreams.Stream> clients = ConcurrentHashMap.newKeySet();

    LiveReload(Handler next, EventStreams streams) {
        super(next);
        this.streams = streams;
    }

    /** Sends a reload event to every connected page. */
    public void reload() {
        clients.forEach(s -> s.send("data: reload\n\n"));
    }

    public int clientCount() {
        return clients.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!Request.getPathInContext(request).equals(PATH)) {
            return super.handle(request, response, callback);
        }
        EventStreams.Stream stream = streams.open(request, response, callback);
        if (stream == null) {
            JsonAnswer.write(response, callback, 503, "too many open event streams", "close other tabs, or retry shortly");
            return true;
        }
        clients.add(stream);
        stream.onClose(() -> clients.remove(stream));
        return true;
    }

    @Override
    protected void doStop() throws Exception {
        clients.forEach(EventStreams.Stream::close);
        super.doStop();
    }
}
