package dev.wasmtutorial.e2e;

import dev.wasmtutorial.serve.PreviewServer;
import dev.wasmtutorial.render.PageComposer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The site built by `./mvnw package`, served by the preview server on an ephemeral loopback port. */
final class SiteUnderTest implements AutoCloseable {

    final Path dir = Path.of(System.getProperty("site.dir", "site")).toAbsolutePath();
    final PreviewServer server;

    SiteUnderTest(String contextPath) throws Exception {
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            throw new IllegalStateException("no built site at " + dir + ": run ./mvnw package first (./mvnw verify does)");
        }
        server = new PreviewServer(dir, "127.0.0.1", 0, contextPath, false).start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    URI url(String sitePath) {
        return server.url().resolve(sitePath);
    }

    /**
     * Every page a reader can reach, as site-relative paths ("" for the home page): each HTML file
     * but the 404 page, in the form the sitemap uses (the site has no sitemap without a base URL).
     */
    List<String> sitemapPages() throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("404.html"))
                    .map(PageComposer::canonicalPath)
                    .sorted().toList();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
