package dev.wasmtutorial.e2e;

import dev.wasmtutorial.serve.PreviewServer;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The site built by `./mvnw package`, served by the preview server on an ephemeral loopback port. */
final class SiteUnderTest implements AutoCloseable {

    final Path dir = Path.of(System.getProperty("site.dir", "site")).toAbsolutePath();
    final PreviewServer server;

    SiteUnderTest(String contextPath) throws Exception {
        if (!Files.isRegularFile(dir.resolve("sitemap.xml"))) {
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

    /** Every page the sitemap lists, as site-relative paths ("" for the home page). */
    List<String> sitemapPages() throws IOException {
        var doc = Jsoup.parse(Files.readString(dir.resolve("sitemap.xml")), "", Parser.xmlParser());
        List<URI> locs = doc.select("loc").stream().map(e -> URI.create(e.text())).toList();
        URI base = locs.stream().min(Comparator.comparing(u -> u.toString().length())).orElseThrow();
        return locs.stream().map(u -> base.relativize(u).toString()).toList();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
