package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The site over HTTP on localhost, as a static host would serve it, only stricter: correct
 * content types ({@code application/wasm} above all), ETag/Last-Modified with 304, HEAD and
 * Range, gzip for text, no directory listings, 404.html for unknown paths and folders, 405 for
 * methods other than GET and HEAD, security headers on every answer (errors included), no
 * server banner, no way out of the folder, and only requests addressed to a name it knows.
 */
public final class PreviewServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final LiveReload liveReload;
    private final EventStreams streams;
    private final String contextPath;

    /**
     * @param siteDir     the folder to serve
     * @param host        interface to bind (127.0.0.1 keeps it private to this machine)
     * @param port        0 for any free port
     * @param contextPath "/" or a sub-path such as "/tutorial" under which the site is mounted
     * @param liveReload  whether to answer {@value LiveReload#PATH} for {@code serve --watch}
     */
    public PreviewServer(Path siteDir, String host, int port, String contextPath, boolean liveReload) {
        this(siteDir, host, port, contextPath, liveReload, List.of());
    }

    /** @param allowedHosts host names accepted besides localhost, the loopback addresses and {@code host} */
    public PreviewServer(Path siteDir, String host, int port, String contextPath, boolean liveReload,
                         List<String> allowedHosts) {
        this(siteDir, host, port, contextPath, liveReload, allowedHosts, new EventStreams(1024, 15_000), null);
    }

    /**
     * @param streams   the server's event streams (live reload and any extension's), closed with it
     * @param extension handlers in front of the site, behind the host check and security headers; or null
     */
    public PreviewServer(Path siteDir, String host, int port, String contextPath, boolean liveReload,
                         List<String> allowedHosts, EventStreams streams, SiteExtension extension) {
        this.streams = streams;
        Path dir = siteDir.toAbsolutePath().normalize();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("preview");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Jetty reuses a header it parsed earlier on the same connection when the new one matches
        // it ignoring case, by default: "Authorization: Bearer S3CRET" then arrived as the
        // "Bearer s3cret" sent before it, and passed the API's token check (ExecutionApiIT).
        http.setHeaderCacheCaseSensitive(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new ErrorPage());

        ResourceHandler files = new SiteFiles(new NotFoundPage(dir), liveReload);
        files.setBaseResource(ResourceFactory.of(server).newResource(dir));
        files.setDirAllowed(false);
        // Jetty's ETag is built from the size and the modification time in whole seconds: two
        // same-size rebuilds within a second would share one, and a browser would keep the stale
        // page. While watching, send no validators and forbid caching instead.
        files.setEtags(!liveReload);
        files.setAcceptRanges(true);
        files.setWelcomeFiles("index.html");
        files.setCacheControl(liveReload ? "no-store" : "no-cache");
        files.setMimeTypes(mimeTypes());

        // On-the-fly gzip for text (and Wasm, which compresses well). The include list is exclusive.
        // (Jetty 12.1's compression module; its GzipHandler is deprecated.) Only responses:
        // the static files take no request bodies to decompress.
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(256);
        CompressionConfig.Builder only = CompressionConfig.builder();
        for (String type : List.of("text/html", "text/css", "text/javascript", "application/javascript", "text/plain",
                "application/json", "application/xml", "text/xml", "image/svg+xml", "application/wasm")) {
            only.compressIncludeMimeType(type);
        }
        only.compressIncludeMethod("GET");
        only.decompressExcludePath("/*");
        CompressionHandler compression = new CompressionHandler(files);
        compression.putCompression(gzip);
        compression.putConfiguration("/*", only.build());

        Handler readOnly = new ReadOnlyMethods(compression);
        this.liveReload = liveReload ? new LiveReload(readOnly, streams) : null;
        Handler inner = this.liveReload != null ? this.liveReload : readOnly;

        this.contextPath = normalizeContext(contextPath);
        if (extension != null) {
            inner = extension.wrap(inner, streams, this.contextPath.equals("/") ? "/" : this.contextPath + "/");
        }
        ContextHandler context = new ContextHandler(new PathGuard(inner), this.contextPath);
        mimeTypes().getMimeMap().forEach(context.getMimeTypes()::addMimeMapping);
        // A request to the bare sub-path (/tutorial) is redirected to /tutorial/ by the context.
        context.setAllowNullPathInContext(false);
        // The host check comes before everything that answers a request.
        server.setHandler(new SecurityHeaders(new HostAllowlist(host, allowedHosts, context)));
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
    }

    /** Jetty's defaults, with an explicit UTF-8 charset for the text types this site serves. */
    private static MimeTypes.Mutable mimeTypes() {
        MimeTypes.Mutable types = new MimeTypes.Mutable(MimeTypes.DEFAULTS);
        types.addMimeMapping("html", "text/html;charset=utf-8");
        types.addMimeMapping("css", "text/css;charset=utf-8");
        types.addMimeMapping("js", "text/javascript;charset=utf-8");
        types.addMimeMapping("json", "application/json;charset=utf-8");
        types.addMimeMapping("txt", "text/plain;charset=utf-8");
        types.addMimeMapping("xml", "application/xml;charset=utf-8");
        types.addMimeMapping("svg", "image/svg+xml;charset=utf-8");
        types.addMimeMapping("wasm", "application/wasm");
        return types;
    }

    private static String normalizeContext(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    public PreviewServer start() throws Exception {
        server.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The site's root URL, ending in '/'. */
    public URI url() {
        String base = contextPath.equals("/") ? "/" : contextPath + "/";
        return URI.create("http://" + (connector.getHost() == null ? "localhost" : connector.getHost()) + ":" + port() + base);
    }

    public LiveReload liveReload() {
        return liveReload;
    }

    public EventStreams eventStreams() {
        return streams;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        streams.close();
        server.stop();
    }
}
