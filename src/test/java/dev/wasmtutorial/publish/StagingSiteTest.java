package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagingSiteTest {

    @TempDir
    Path dir;

    @Test
    void commitReplacesTheWholeSite() throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("old.html"), "old");
        try (StagingSite staging = new StagingSite(site)) {
            staging.writeText("index.html", "new", "content/index.md");
            staging.commit();
        }
        assertThat(site.resolve("index.html")).hasContent("new");
        assertThat(site.resolve("old.html")).doesNotExist();
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", ".site.lock", ".site.published");
        }
    }

    @Test
    void closingWithoutCommitLeavesThePublishedSiteUntouched() throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "published");
        try (StagingSite staging = new StagingSite(site)) {
            staging.writeText("index.html", "half-built", "content/index.md");
        }
        assertThat(site.resolve("index.html")).hasContent("published");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("site");
        }
    }

    @Test
    void reservedPathsAreClaimedInOrderAndWrittenInAnyOrder() throws Exception {
        Path site = dir.resolve("site");
        try (StagingSite staging = new StagingSite(site)) {
            staging.reserve("a.html", "content/a.md");
            staging.reserve("b/index.html", "content/b/index.md");
            assertThatThrownBy(() -> staging.reserve("b/index.html", "content/b/README.md"))
                    .isInstanceOf(BuildException.class)
                    .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith(
                            "content/b/README.md: error: publishes to b/index.html, which content/b/index.md already publishes to"));
            assertThatThrownBy(() -> staging.writeText("a.html", "x", "content/other.md")).isInstanceOf(BuildException.class);
            staging.writeReserved("b/index.html", null, "<p>b</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> staging.commit()).as("a reserved path never written").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a.html");
            staging.writeReserved("a.html", "<p>a</p>", null);
            assertThat(staging.html("a.html")).isEqualTo("<p>a</p>");
            assertThatThrownBy(() -> staging.writeReserved("a.html", "again", null)).isInstanceOf(IllegalStateException.class);
            staging.commit();
        }
        assertThat(site.resolve("a.html")).hasContent("<p>a</p>");
        assertThat(site.resolve("b/index.html")).hasContent("<p>b</p>");
    }

    @Test
    void twoSourcesForOnePathIsAnErrorNamingBoth() {
        try (StagingSite staging = new StagingSite(dir.resolve("site"))) {
            staging.writeText("index.html", "a", "content/index.md");
            assertThatThrownBy(() -> staging.writeText("index.html", "b", "content/README.md"))
                    .isInstanceOf(BuildException.class)
                    .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith(
                            "content/README.md: error: publishes to index.html, which content/index.md already publishes to"));
        }
    }

    @Test
    void sitemapListsAbsoluteUrlsSorted() {
        String xml = SitemapWriter.sitemap(URI.create("https://host/repo/"), List.of("intro.html", "", "minimal-demo/index.html"));
        assertThat(xml).contains("<loc>https://host/repo/</loc></url>\n  <url><loc>https://host/repo/intro.html</loc>")
                .contains("<loc>https://host/repo/minimal-demo/index.html</loc>");
        assertThat(SitemapWriter.robots(URI.create("https://host/repo/"))).contains("Sitemap: https://host/repo/sitemap.xml");
    }

    @Test
    void contentHashesCoverWrittenCopiedAndAdoptedFiles() throws Exception {
        Path source = Files.writeString(dir.resolve("style.css"), "body {}");
        try (StagingSite staging = new StagingSite(dir.resolve("site"))) {
            staging.writeText("index.html", "<p>hi</p>", "content/index.md");
            staging.copy(source, "assets/style.css", "templates/assets/style.css");
            staging.awaitWrites();
            Files.createDirectories(staging.root().resolve("pagefind"));
            Files.writeString(staging.root().resolve("pagefind/entry.json"), "{}");
            assertThat(staging.refreshFromDisk("post-process")).isEqualTo(1);

            java.util.Map<String, String> hashes = staging.contentHashes();
            assertThat(hashes).containsOnlyKeys("index.html", "assets/style.css", "pagefind/entry.json");
            for (var entry : hashes.entrySet()) {
                byte[] bytes = Files.readAllBytes(staging.root().resolve(entry.getKey()));
                assertThat(entry.getValue()).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
    }

    @Test
    void eachStagingSiteHasItsOwnFolder() {
        Path site = dir.resolve("site");
        try (StagingSite a = new StagingSite(site); StagingSite b = new StagingSite(site)) {
            assertThat(a.root()).isNotEqualTo(b.root());
            assertThat(a.root().getFileName().toString()).startsWith(".site.staging-" + ProcessHandle.current().pid() + "-");
        }
    }

    @Test
    void leftoversOfADeadProcessAreRemovedButThoseOfALiveBuildAreNot() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path dead = Files.createDirectories(dir.resolve(".site.staging-999999999-1"));
        Path legacy = Files.createDirectories(dir.resolve(".site.previous"));
        try (StagingSite live = new StagingSite(site)) {
            try (StagingSite next = new StagingSite(site)) {
                assertThat(dead).doesNotExist();
                assertThat(legacy).doesNotExist();
                assertThat(live.root()).isDirectory();
            }
        }
    }
}
