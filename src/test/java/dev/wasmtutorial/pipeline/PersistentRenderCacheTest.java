package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build cache on disk, as one-shot builds use it: every build here starts from a new
 * {@link RenderCache} (a new process), so only what is on disk carries over. Each input's change
 * must re-render exactly the pages it affects, and the site must be byte-identical to one built
 * without any cache.
 */
class PersistentRenderCacheTest {

    @TempDir
    Path dir;

    private Path cacheDir() {
        return dir.resolve("target/build-cache/render");
    }

    private SiteBuilder.Summary build(TestProject project, String generator) {
        return new SiteBuilder(project.config(), new PrintStream(new ByteArrayOutputStream(), true), new RenderCache(cacheDir(), generator), null)
                .build();
    }

    private Map<String, String> uncachedSnapshot(TestProject project) throws IOException {
        new SiteBuilder(project.config(), new PrintStream(new ByteArrayOutputStream(), true)).build();
        return project.snapshot();
    }

    private TestProject project() throws IOException {
        TestProject project = new TestProject(dir);
        Files.createDirectories(dir.resolve("snippets"));
        Files.writeString(dir.resolve("snippets/add.c"), "int add(int a, int b) { return a + b; }\n");
        project.page("code.md", "Code", 3, "## Listing\n\n```c include=\"../snippets/add.c\"\n```\n");
        return project;
    }

    @Test
    void aRebuildWithNothingChangedRendersNothingAndPublishesTheSameBytes() throws Exception {
        TestProject project = project();
        Map<String, String> reference = uncachedSnapshot(project);

        assertThat(build(project, "gen-1").pagesRendered()).isEqualTo(3);
        assertThat(project.snapshot()).isEqualTo(reference);
        SiteBuilder.Summary again = build(project, "gen-1");
        assertThat(again.pagesRendered()).isZero();
        assertThat(again.pagesComposed()).isZero();
        assertThat(again.links()).as("the link check still covers every page").isPositive();
        assertThat(project.snapshot()).isEqualTo(reference);
    }

    @Test
    void eachInputInvalidatesExactlyWhatDependsOnIt() throws Exception {
        TestProject project = project();
        build(project, "gen-1");

        // Content: only the edited page, rendered and laid out again.
        project.page("index.md", "Start", 1, "# Welcome back\n\nRead the [intro](intro.md#how-it-runs).\n");
        SiteBuilder.Summary edited = build(project, "gen-1");
        assertThat(edited.pagesRendered()).isEqualTo(1);
        assertThat(edited.pagesComposed()).as("the other pages' HTML is reused").isEqualTo(1);
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("Welcome back");

        // A title: one page's Markdown, but every page's sidebar.
        project.page("index.md", "Start here", 1, "# Welcome back\n\nRead the [intro](intro.md#how-it-runs).\n");
        SiteBuilder.Summary retitled = build(project, "gen-1");
        assertThat(retitled.pagesRendered()).isEqualTo(1);
        assertThat(retitled.pagesComposed()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("site/code.html"))).contains("Start here");
        assertThat(Files.readString(dir.resolve("site/contents.html"))).as("the generated contents page too").contains("Start here");

        // An included file: only the page that includes it.
        Files.writeString(dir.resolve("snippets/add.c"), "int add(int a, int b) { return b + a; }\n");
        assertThat(build(project, "gen-1").pagesRendered()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("site/code.html"))).contains("return b + a;");

        // A template: no Markdown to render again, yet every page shows it.
        Path pageTemplate = dir.resolve("templates/page.peb");
        Files.writeString(pageTemplate, Files.readString(pageTemplate).replace("<main id=\"main\" class=\"content\">",
                "<main id=\"main\" class=\"content\" data-edition=\"second\">"));
        SiteBuilder.Summary relaid = build(project, "gen-1");
        assertThat(relaid.pagesRendered()).isZero();
        assertThat(relaid.pagesComposed()).isEqualTo(3);
        for (String page : new String[] {"index.html", "intro.html", "code.html", "contents.html"}) {
            assertThat(Files.readString(dir.resolve("site").resolve(page))).contains("data-edition=\"second\"");
        }

        // An asset: published as it now is, and the offline list follows it.
        String serviceWorker = Files.readString(dir.resolve("site/sw.js"));
        Files.writeString(dir.resolve("templates/assets/site.css"), "\n/* second edition */\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(build(project, "gen-1").pagesRendered()).isZero();
        assertThat(Files.readString(dir.resolve("site/assets/site.css"))).endsWith("/* second edition */\n");
        assertThat(Files.readString(dir.resolve("site/sw.js"))).isNotEqualTo(serviceWorker);

        // Another generator: everything.
        assertThat(build(project, "gen-2").pagesRendered()).isEqualTo(3);
        assertThat(build(project, "gen-2").pagesRendered()).isZero();

        assertThat(project.snapshot()).isEqualTo(uncachedSnapshot(project));
    }

    @Test
    void aLinkToAPageThatDisappearedIsCaughtThoughTheLinkingPageIsReused() throws Exception {
        TestProject project = project();
        build(project, "gen-1");
        Files.delete(dir.resolve("content/intro.md"));
        Map<String, String> before = project.snapshot();

        assertThatThrownBy(() -> build(project, "gen-1")).isInstanceOf(dev.wasmtutorial.config.BuildException.class)
                .satisfies(e -> assertThat(((dev.wasmtutorial.config.BuildException) e).oneLine()).contains("content/index.md").contains("intro"));
        assertThat(project.snapshot()).as("the published site is left as it was").isEqualTo(before);
    }

    @Test
    void aDeletedOrDamagedCacheOnlyCostsTime() throws Exception {
        TestProject project = project();
        Map<String, String> reference = uncachedSnapshot(project);
        build(project, "gen-1");
        // The pages' pack, damaged inside one page's entry: that page is rendered again.
        Path pack;
        try (Stream<Path> packs = Files.list(cacheDir().resolve("pages"))) {
            pack = packs.filter(p -> p.getFileName().toString().startsWith("pack-")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        String latin1 = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int introHeading = latin1.indexOf("How it runs"); // only on the intro page
        assertThat(introHeading).isPositive();
        bytes[introHeading] = 'W';
        Files.write(pack, bytes);
        assertThat(build(project, "gen-1").pagesRendered()).isEqualTo(1);
        assertThat(project.snapshot()).isEqualTo(reference);

        // Torn (its end cut off): every page is rendered again.
        try (Stream<Path> packs = Files.list(cacheDir().resolve("pages"))) {
            for (Path p : packs.toList()) {
                Files.write(p, java.util.Arrays.copyOf(Files.readAllBytes(p), (int) Files.size(p) - 3));
            }
        }
        assertThat(build(project, "gen-1").pagesRendered()).isEqualTo(3);
        assertThat(project.snapshot()).isEqualTo(reference);

        deleteTree(dir.resolve("target"));
        assertThat(build(project, "gen-1").pagesRendered()).isEqualTo(3);
        assertThat(project.snapshot()).isEqualTo(reference);
    }

    @Test
    void entriesOfTheOneFilePerPageLayoutAreDeletedByTheFirstCompleteBuild() throws Exception {
        TestProject project = project();
        Files.createDirectories(cacheDir());
        Path old = cacheDir().resolve("ab".repeat(32) + ".bin");
        Files.writeString(old, "an entry of format 3");
        Path other = cacheDir().resolve("notes.bin");
        Files.writeString(other, "not ours to delete");
        assertThat(build(project, "gen-1").pagesRendered()).isEqualTo(3);
        assertThat(old).doesNotExist();
        assertThat(other).exists();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
