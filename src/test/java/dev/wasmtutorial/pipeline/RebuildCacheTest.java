package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.wasm.ValidationCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rebuilds with caches (as serve --watch does) redo exactly what changed, and nothing stale survives. */
class RebuildCacheTest {

    @TempDir
    Path dir;

    private final RenderCache renderCache = new RenderCache();
    private final ValidationCache validationCache = new ValidationCache();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SiteBuilder.Summary build(TestProject project) {
        return new SiteBuilder(project.config(), new PrintStream(log, true), renderCache, validationCache).build();
    }

    @Test
    void onlyChangedPagesAreRenderedAndUnchangedModulesAreNotRunAgain() throws Exception {
        TestProject project = new TestProject(dir);
        SiteBuilder.Summary first = build(project);
        assertThat(first.pagesRendered()).isEqualTo(2);
        assertThat(first.modulesValidated()).isEqualTo(1);

        SiteBuilder.Summary unchanged = build(project);
        assertThat(unchanged.pagesRendered()).isZero();
        assertThat(unchanged.modulesValidated()).isZero();
        assertThat(unchanged.pages()).isEqualTo(2);

        project.page("index.md", "Start", 1, "# Welcome back\n\nRead the [intro](intro.md#how-it-runs).\n");
        SiteBuilder.Summary edited = build(project);
        assertThat(edited.pagesRendered()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("site/index.html"))).contains("Welcome back");
    }

    @Test
    void aChangedIncludedFileRendersItsPageAgain() throws Exception {
        TestProject project = new TestProject(dir);
        build(project);
        // intro.md includes demo/wasm-checks.yaml: changing that file must show on the page.
        Files.writeString(dir.resolve("demo/wasm-checks.yaml"), Files.readString(dir.resolve("demo/wasm-checks.yaml"))
                .replace("name: adds", "name: adds five and seven"));
        SiteBuilder.Summary after = build(project);
        assertThat(after.pagesRendered()).isEqualTo(1);
        assertThat(after.modulesValidated()).isEqualTo(1); // its checks changed too
        assertThat(Files.readString(dir.resolve("site/intro.html"))).contains("adds five and seven");
    }

    @Test
    void aBrokenModuleIsCaughtEvenAfterAPassingOneWasCached() throws Exception {
        TestProject project = new TestProject(dir);
        build(project);
        Files.copy(Path.of("src/test/resources/wasm/wrong_sum.wasm"), dir.resolve("demo/dist/add_and_log.wasm"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> build(project)).isInstanceOf(BuildException.class)
                .hasMessageContaining("expected an export named add_and_log");
    }

    @Test
    void warningsOfReusedPagesAreStillReported() throws Exception {
        TestProject project = new TestProject(dir);
        project.page("intro.md", "Intro", 2, "## How it runs\n\n> [!DANGER]\n> careful\n");
        var lenient = project.config().toBuilder().strict(false).build();
        SiteBuilder.Summary first = new SiteBuilder(lenient, new PrintStream(log, true), renderCache, validationCache).build();
        SiteBuilder.Summary again = new SiteBuilder(lenient, new PrintStream(log, true), renderCache, validationCache).build();
        assertThat(first.warnings()).isEqualTo(1);
        assertThat(again.pagesRendered()).isZero();
        assertThat(again.warnings()).isEqualTo(1);
    }
}
