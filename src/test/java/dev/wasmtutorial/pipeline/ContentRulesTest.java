package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What of content/, the assets and the demos is published: one hidden-file rule for every walk, and drafts. */
class ContentRulesTest {

    @TempDir
    Path dir;

    private TestProject project;

    @BeforeEach
    void setUp() {
        project = new TestProject(dir);
    }

    private void build(boolean drafts) {
        new SiteBuilder(project.config().toBuilder().drafts(drafts).build(), new PrintStream(new ByteArrayOutputStream(), true)).build();
    }

    @Test
    void hiddenFilesAndFoldersAreNeverPublishedFromContentAssetsOrDemos() throws Exception {
        project.page(".drafts/x.md", "Hidden", 3, "Not for readers.\n");
        Files.writeString(dir.resolve("content/.notes.txt"), "private");
        Files.writeString(dir.resolve("templates/assets/.DS_Store"), "junk");
        Files.createDirectories(dir.resolve("demo/.scratch"));
        Files.writeString(dir.resolve("demo/.scratch/notes.html"), "<p>scratch</p>");
        build(false);
        assertThat(project.snapshot().keySet()).noneMatch(p -> p.contains("/.") || p.startsWith("."))
                .contains("index.html", "intro.html", "demo/index.html");
    }

    @Test
    void draftPagesAreLeftOutUnlessDraftsAreAsked() throws Exception {
        Path draft = dir.resolve("content/next.md");
        Files.writeString(draft, "---\ntitle: Next\ndescription: Soon.\ndraft: true\n---\nComing soon.\n");
        build(false);
        assertThat(project.snapshot()).doesNotContainKey("next.html");
        assertThat(Files.readString(dir.resolve("site/index.html"))).doesNotContain("next.html");

        build(true);
        assertThat(project.snapshot()).containsKey("next.html");
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("href=\"next.html\"");
    }

    @Test
    void aLinkToADraftFailsTheBuildWhenDraftsAreLeftOut() throws Exception {
        Files.writeString(dir.resolve("content/next.md"), "---\ntitle: Next\ndescription: Soon.\ndraft: true\n---\nComing soon.\n");
        project.page("more.md", "More", 3, "See [next](next.md).\n");
        assertThatThrownBy(() -> build(false)).isInstanceOf(BuildException.class).hasMessageContaining("next.html");
    }
}
