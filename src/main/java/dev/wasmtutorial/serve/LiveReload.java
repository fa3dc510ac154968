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
 * see {@link EventStreams}); {@link #reload()} tells all of them to reload, and
 * {@link #buildFailed} shows them a failed rebuild's error over the page. Used only by
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
              // A failed rebuild: its error over the page (still the last good build) until the next good one reloads it.
              source.addEventListener('build-error', function (event) {
                var box = document.getElementById('livereload-error');
                if (!box) {
                  box = document.createElement('pre');
                  box.id = 'livereload-error';
                  box.setAttribute('role', 'alert');
                  box.style.cssText = 'position:fixed;z-index:2147483647;left:0;right:0;top:0;margin:0;padding:1em;'
                    + 'max-height:50vh;overflow:auto;white-space:pre-wrap;font:14px/1.4 monospace;'
                    + 'background:#fff0f0;color:#8b0000;border-bottom:3px solid #c00;';
                  (document.body || document.documentElement).appendChild(box);
                }
                box.textContent = 'The last rebuild failed; this page is the last good build.\\n\\n' + event.data;
              });
            })();
            """);

    private final EventStreams streams;
    private final Set<EventStreams.Stream> clients = ConcurrentHashMap.newKeySet();
    /** The error of the last rebuild if it failed (sent to pages opened since, too), else null. */
    private volatile String buildError;

    LiveReload(Handler next, EventStreams streams) {
        super(next);
        this.streams = streams;
    }

    /** Sends a reload event to every connected page. */
    public void reload() {
        buildError = null;
        clients.forEach(s -> s.send("data: reload\n\n"));
    }

    /** Shows every connected page, and every page opened until the next {@link #reload()}, why the last rebuild failed. */
    public void buildFailed(String message) {
        buildError = message;
        String frame = errorFrame(message);
        clients.forEach(s -> s.send(frame));
    }

    /** Whether the pages are being shown a failed rebuild's error. */
    public boolean showsError() {
        return buildError != null;
    }

    /** One SSE event; each line of the message its own data line (a line break would end the field). */
    static String errorFrame(String message) {
        StringBuilder frame = new StringBuilder("event: build-error\n");
        for (String line : message.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString();
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
        String error = buildError;
        if (error != null) {
            stream.send(errorFrame(error));
        }
        return true;
    }

    @Override
    protected void doStop() throws Exception {
        clients.forEach(EventStreams.Stream::close);
        super.doStop();
    }
}
