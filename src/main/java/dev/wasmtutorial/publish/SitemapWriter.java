package dev.wasmtutorial.publish;

import dev.wasmtutorial.content.UrlPaths;

import java.net.URI;
import java.util.Collection;
import java.util.TreeSet;

/** sitemap.xml (absolute URLs from the base URL, sorted, no dates: builds stay byte-identical) and robots.txt. */
public final class SitemapWriter {

    private SitemapWriter() {
    }

    /** @param paths site paths of the pages to list ({@code index.html}, {@code minimal-demo/index.html}) */
    public static String sitemap(URI baseUrl, Collection<String> paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : new TreeSet<>(paths)) {
            xml.append("  <url><loc>").append(escape(baseUrl.resolve(UrlPaths.encode(path)).toString())).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** @param baseUrl the site's public address, or null when unknown (then no sitemap is named) */
    public static String robots(URI baseUrl) {
        return "User-agent: *\nAllow: /\n" + (baseUrl == null ? "" : "Sitemap: " + baseUrl.resolve("sitemap.xml") + "\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
