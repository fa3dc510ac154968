package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The post-process is a stage like the others: what it writes is what is hashed, checked and published. */
class PostProcessStageTest {

    private static final Pattern CACHE = Pattern.compile("const CACHE = PREFIX \\+ '([0-9a-f]+)'");

    @TempDir
    Path dir;

    private TestProject project;

    @BeforeEach
    void setUp() {
        project = new TestProject(dir);
    }

    /** Builds with a post-process that runs {@code script} (bash) in the staging folder. */
    private void build(String script) throws Exception {
        Path file = dir.resolve("post.sh");
        Files.writeString(file, "cd \"$1\"\n" + script + "\n");
        SiteConfig config = project.config().toBuilder().postProcess(script.isEmpty() ? List.of() : List.of("bash", file.toString())).build();
        new SiteBuilder(config, new PrintStream(new ByteArrayOutputStream(), true)).build();
    }

    private String cacheName() throws Exception {
        Matcher m = CACHE.matcher(Files.readString(dir.resolve("site/sw.js")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void anEditByThePostProcessChangesTheServiceWorkersCacheName() throws Exception {
        build("");
        String before = cacheName();
        build("sed -i 's|Text with|Highlighted text with|' intro.html");
        assertThat(Files.readString(dir.resolve("site/intro.html"))).contains("Highlighted text with");
        assertThat(cacheName()).isNotEqualTo(before);
    }

    @Test
    void theLinkCheckReadsThePostProcessedPages() {
        assertThatThrownBy(() -> build("sed -i 's|</main>|<a href=\"missing.html\">gone</a></main>|' intro.html"))
                .isInstanceOf(BuildException.class).hasMessageContaining("missing.html");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void filesThePostProcessAddsArePublishedAndOnesItRemovesAreNot() throws Exception {
        build("mkdir -p extra && echo '{}' > extra/index.json && rm robots.txt");
        assertThat(project.snapshot()).containsKey("extra/index.json").doesNotContainKey("robots.txt");
        assertThat(Files.readString(dir.resolve("site/sw.js"))).contains("'extra/index.json'").doesNotContain("robots.txt");
    }
}
