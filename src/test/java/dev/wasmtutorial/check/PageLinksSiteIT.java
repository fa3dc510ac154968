package dev.wasmtutorial.check;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page of the site `./mvnw package` published (demos included): {@link PageLinks#of} gives what jsoup's DOM gives. */
class PageLinksSiteIT {

    @Test
    void everyPublishedPageGivesWhatJsoupsDomGives() throws Exception {
        Path site = Path.of(System.getProperty("site.dir", "site")).toAbsolutePath();
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException("no built site at " + site + ": run ./mvnw package first (./mvnw verify does)");
        }
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).as("HTML pages in %s", site).hasSizeGreaterThan(10);
        for (Path page : pages) {
            String html = Files.readString(page);
            PageLinks jsoup = JsoupPageLinks.of(html);
            PageLinks ours = PageLinks.of(html);
            assertThat(ours.hrefs()).as("hrefs of %s", page).containsExactlyElementsOf(jsoup.hrefs());
            assertThat(ours.ids()).as("ids of %s", page).isEqualTo(jsoup.ids());
        }
    }
}
