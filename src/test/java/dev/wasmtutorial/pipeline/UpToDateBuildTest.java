package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild whose inputs all hash as the last build's, into a folder that is still exactly what
 * that build published, only checks links again; any change to any input, or to the published
 * folder, means the full build, and the site is always the one a build without any cache makes.
 */
class UpToDateBuildTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SiteBuilder.Summary build(SiteConfig config, String generator) {
        log.reset();
        return new SiteBuilder(config, new PrintStream(log, true, StandardCharsets.UTF_8),
                new RenderCache(dir.resolve("target/build-cache/render"), generator), null).build();
    }

    private SiteBuilder.Summary build(TestProject project) {
        return build(project.config(), "gen-1");
    }

    private Map<String, String> uncached(TestProject project) throws IOException {
        Path reference = dir.resolve("reference");
        new SiteBuilder(project.config().withOutDir(reference), new PrintStream(new ByteArrayOutputStream(), true)).build();
        return TestProject.snapshot(reference);
    }

    private TestProject project() throws IOException {
        TestProject project = new TestProject(dir);
        Files.createDirectories(dir.resolve("snippets"));
        Files.writeString(dir.resolve("snippets/add.c"), "int add(int a, int b) { return a + b; }\n");
        project.page("code.md", "Code", 3, "## Listing\n\n```c include=\"../snippets/add.c\"\n```\n");
        ageIncludes();
        return project;
    }

    /** Included files saved moments before a build are not trusted to have stayed as read (see SiteBuilder): make them older. */
    private void ageIncludes() throws IOException {
        java.nio.file.attribute.FileTime minuteAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(dir.resolve("snippets/add.c"), minuteAgo);
        Files.setLastModifiedTime(dir.resolve("demo/wasm-checks.yaml"), minuteAgo);
    }

    private Object fileKey(String sitePath) throws IOException {
        return Files.readAttributes(dir.resolve("site").resolve(sitePath), BasicFileAttributes.class).fileKey();
    }

    @Test
    void nothingChangedRunsOnlyTheLinkCheckAndLeavesTheSiteAsItIs() throws Exception {
        TestProject project = project();
        SiteBuilder.Summary first = build(project);
        assertThat(first.upToDate()).isFalse();
        Object key = fileKey("code.html");

        SiteBuilder.Summary again = build(project);
        assertThat(again.upToDate()).isTrue();
        assertThat(again.oneLine()).startsWith("up to date: 3 pages and 1 Wasm modules as last built, checked ");
        assertThat(again.links()).isEqualTo(first.links());
        assertThat(again.pages()).isEqualTo(first.pages());
        assertThat(again.modules()).isEqualTo(first.modules());
        assertThat(fileKey("code.html")).isEqualTo(key);
        assertThat(project.snapshot()).isEqualTo(uncached(project));
    }

    @Test
    void everyKindOfInputChangeMeansTheFullBuild() throws Exception {
        TestProject project = project();
        build(project);

        // A page.
        project.page("index.md", "Start", 1, "# Welcome back\n\nRead the [intro](intro.md#how-it-runs).\n");
        assertFullBuildThenUpToDate(project);
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("Welcome back");

        // A file a page includes, outside the content folder.
        Files.writeString(dir.resolve("snippets/add.c"), "int add(int a, int b) { return b + a; }\n");
        assertFullBuildThenUpToDate(project);
        assertThat(build(project).upToDate()).isTrue();
        assertThat(Files.readString(dir.resolve("site/code.html"))).contains("return b + a;");

        // A template, an asset, a demo file.
        Path template = dir.resolve("templates/page.peb");
        Files.writeString(template, Files.readString(template).replace("<main id=\"main\"", "<main data-edition=\"2\" id=\"main\""));
        assertFullBuildThenUpToDate(project);
        Files.writeString(dir.resolve("templates/assets/site.css"), "\n/* 2 */\n", StandardOpenOption.APPEND);
        assertFullBuildThenUpToDate(project);
        Files.writeString(dir.resolve("demo/index.html"), "\n<!-- 2 -->\n", StandardOpenOption.APPEND);
        assertFullBuildThenUpToDate(project);

        // The configuration, the generator.
        SiteConfig retitled = project.config().toBuilder().siteTitle("Another title").build();
        assertThat(build(retitled, "gen-1").upToDate()).isFalse();
        assertThat(build(retitled, "gen-1").upToDate()).isTrue();
        assertThat(build(retitled, "gen-2").upToDate()).isFalse();
        assertThat(build(project.config(), "gen-2").upToDate()).isFalse();

        assertThat(project.snapshot()).isEqualTo(uncached(project));
    }

    @Test
    void aPublishedFileChangedAddedOrRemovedByHandMeansTheFullBuild() throws Exception {
        TestProject project = project();
        build(project);
        Map<String, String> reference = project.snapshot();

        Files.writeString(dir.resolve("site/intro.html"), "defaced");
        assertFullBuildThenUpToDate(project);
        Files.writeString(dir.resolve("site/stray.html"), "<p>not ours</p>");
        assertFullBuildThenUpToDate(project);
        Files.delete(dir.resolve("site/code.html"));
        assertFullBuildThenUpToDate(project);

        assertThat(project.snapshot()).isEqualTo(reference);
    }

    @Test
    void warningsArePrintedAgain() throws Exception {
        TestProject project = project();
        Files.writeString(dir.resolve("content/plain.md"), "---\ntitle: Plain\n---\nNo description above.\n");
        SiteConfig lenient = project.config().toBuilder().strict(false).build();
        build(lenient, "gen-1");
        String warnings = log.toString(StandardCharsets.UTF_8);
        assertThat(warnings).contains("content/plain.md:1: warning: no 'description'");

        SiteBuilder.Summary again = build(lenient, "gen-1");
        assertThat(again.upToDate()).isTrue();
        assertThat(again.warnings()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("warning:")))
                .containsExactlyElementsOf(warnings.lines().filter(l -> l.contains("warning:")).toList());
    }

    @Test
    void aNewlyIncludedFileSavedDuringTheBuildIsNotTrusted() throws Exception {
        TestProject project = project();
        build(project);
        // A page starts including a file that was saved just now (it could have changed while the build read it).
        Files.writeString(dir.resolve("snippets/sub.c"), "int sub(int a, int b) { return a - b; }\n");
        project.page("code.md", "Code", 3, "```c include=\"../snippets/sub.c\"\n```\n");
        assertThat(build(project).upToDate()).isFalse();
        assertThat(build(project).upToDate()).as("still too recent to be trusted: not recorded").isFalse();
        Files.setLastModifiedTime(dir.resolve("snippets/sub.c"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(build(project).upToDate()).as("recorded now").isFalse();
        assertThat(build(project).upToDate()).isTrue();
    }

    @Test
    void notKeptWhenAToolOutsideTheProjectTakesPart() throws Exception {
        TestProject project = project();
        SiteConfig withPostProcess = project.config().toBuilder().postProcess(List.of("true")).build();
        build(withPostProcess, "gen-1");
        assertThat(build(withPostProcess, "gen-1").upToDate()).isFalse();
    }

    private void assertFullBuildThenUpToDate(TestProject project) {
        assertThat(build(project).upToDate()).as("after the change").isFalse();
        assertThat(build(project).upToDate()).as("the build after that").isTrue();
    }
}
