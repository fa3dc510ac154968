package dev.wasmtutorial.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staging site that reuses the published one: unchanged files are taken over (the same file,
 * not a rewrite), changed ones written, and the result is always exactly what was staged, even
 * when somebody edited the published folder behind the build's back.
 */
class ReusePublishedSiteTest {

    @TempDir
    Path dir;

    private Path site() {
        return dir.resolve("site");
    }

    private void publish(Map<String, String> files, boolean reuse) {
        try (StagingSite staging = new StagingSite(site(), reuse)) {
            files.forEach((path, text) -> staging.writeText(path, text, "test"));
            staging.commit();
        }
    }

    private Object fileKey(String path) throws IOException {
        return Files.readAttributes(site().resolve(path), BasicFileAttributes.class).fileKey();
    }

    @Test
    void nothingChangedLeavesThePublishedFolderAsItIs() throws Exception {
        Map<String, String> files = Map.of("index.html", "<p>home</p>", "a/b.html", "<p>b</p>", "assets/x.css", "p{}");
        publish(files, true);
        Object before = fileKey("a/b.html");
        FileTime folderTime = Files.getLastModifiedTime(site());

        try (StagingSite staging = new StagingSite(site(), true)) {
            files.forEach((path, text) -> staging.writeText(path, text, "test"));
            assertThat(staging.html("a/b.html")).isEqualTo("<p>b</p>");
            staging.commit();
            assertThat(staging.publishedUnchanged()).isTrue();
        }
        assertThat(fileKey("a/b.html")).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(site())).as("the folder itself was not replaced").isEqualTo(folderTime);
        assertThat(site().resolve("a/b.html")).hasContent("<p>b</p>");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", ".site.lock", ".site.published");
        }
    }

    @Test
    void oneChangedFileIsWrittenTheOthersAreTakenOver() throws Exception {
        publish(Map.of("index.html", "<p>home</p>", "a/b.html", "<p>b</p>", "gone.html", "<p>gone</p>"), true);
        Object unchanged = fileKey("a/b.html");

        try (StagingSite staging = new StagingSite(site(), true)) {
            staging.writeText("index.html", "<p>home, edited</p>", "test");
            staging.writeText("a/b.html", "<p>b</p>", "test");
            staging.commit();
            assertThat(staging.publishedUnchanged()).isFalse();
        }
        assertThat(site().resolve("index.html")).hasContent("<p>home, edited</p>");
        assertThat(site().resolve("a/b.html")).hasContent("<p>b</p>");
        assertThat(fileKey("a/b.html")).as("taken over, not written again").isEqualTo(unchanged);
        assertThat(site().resolve("gone.html")).as("no longer staged, no longer published").doesNotExist();
    }

    @Test
    void aPublishedFileEditedByHandIsWrittenAgain() throws Exception {
        Map<String, String> files = Map.of("index.html", "<p>home</p>", "a/b.html", "<p>b</p>");
        publish(files, true);
        Files.writeString(site().resolve("a/b.html"), "<p>defaced</p>");

        try (StagingSite staging = new StagingSite(site(), true)) {
            files.forEach((path, text) -> staging.writeText(path, text, "test"));
            staging.commit();
            assertThat(staging.publishedUnchanged()).isFalse();
        }
        assertThat(site().resolve("a/b.html")).hasContent("<p>b</p>");
    }

    @Test
    void aFileEditedBetweenStagingAndCommitIsWrittenAgain() throws Exception {
        Map<String, String> files = Map.of("index.html", "<p>home</p>");
        publish(files, true);

        try (StagingSite staging = new StagingSite(site(), true)) {
            staging.writeText("index.html", "<p>home</p>", "test");
            staging.awaitWrites();
            Files.writeString(site().resolve("index.html"), "<p>changed meanwhile</p>");
            staging.commit();
        }
        assertThat(site().resolve("index.html")).hasContent("<p>home</p>");
    }

    @Test
    void aMissingOrDamagedRecordMeansWritingEverything() throws Exception {
        Map<String, String> files = Map.of("index.html", "<p>home</p>", "a/b.html", "<p>b</p>");
        publish(files, true);
        Files.writeString(PublishedSite.recordOf(site()), "{\"id\": \"torn");
        Object before = fileKey("a/b.html");

        publish(files, true);
        assertThat(fileKey("a/b.html")).isNotEqualTo(before);
        assertThat(site().resolve("a/b.html")).hasContent("<p>b</p>");
        assertThat(PublishedSite.read(site()).paths()).containsExactlyInAnyOrder("index.html", "a/b.html");
    }

    @Test
    void withoutReuseEveryFileIsWritten() throws Exception {
        Map<String, String> files = Map.of("index.html", "<p>home</p>");
        publish(files, false);
        Object before = fileKey("index.html");
        publish(files, false);
        assertThat(fileKey("index.html")).isNotEqualTo(before);
    }
}
