package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteBuilderTest {

    @TempDir
    Path dir;

    private TestProject project;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        project = new TestProject(dir);
    }

    private SiteBuilder.Summary build() {
        return new SiteBuilder(project.config(), new PrintStream(log, true, StandardCharsets.UTF_8)).build();
    }

    private Path site(String path) {
        return dir.resolve("site").resolve(path);
    }

    @Test
    void buildsPagesDemoReportsSitemapRobotsAnd404() throws Exception {
        SiteBuilder.Summary summary = build();
        assertThat(summary.pages()).isEqualTo(2);
        assertThat(summary.modules()).isEqualTo(1);

        String index = Files.readString(site("index.html"));
        assertThat(index).contains("<title>Start · Test site</title>")
                .contains("<meta name=\"description\" content=\"About Start.\">")
                .contains("href=\"intro.html#how-it-runs\"")
                .contains("href=\"demo/index.html\"")
                .contains("rel=\"next\" href=\"intro.html\"")
                .contains("href=\"assets/site.css\"")
                .doesNotContain("http://").doesNotContain("https://example.org/tutorial/intro");
        String intro = Files.readString(site("intro.html"));
        assertThat(intro).contains("<h2 id=\"how-it-runs\">").contains("href=\"#how-it-runs\"")
                .contains("<li class=\"toc-level-2\"><a href=\"#how-it-runs\">How it runs</a></li>")
                .contains("record: [env.log_value]");
        assertThat(Files.readString(site("demo/index.html"))).contains("<h2>Module inspector</h2>")
                .contains("<code>add_and_log</code></td><td>func</td><td><code>(i32, i32) -&gt; i32</code>");
        assertThat(Files.readString(site("demo/dist/add_and_log.wasm.json"))).contains("\"result\" : \"pass\"");
        assertThat(Files.readString(site("sitemap.xml"))).contains("<loc>https://example.org/tutorial/</loc>")
                .contains("<loc>https://example.org/tutorial/intro.html</loc>")
                .contains("<loc>https://example.org/tutorial/demo/index.html</loc>");
        assertThat(site("robots.txt")).content().contains("Sitemap: https://example.org/tutorial/sitemap.xml");
        assertThat(Files.readString(site("404.html"))).contains("href=\"/tutorial/index.html\"");
        assertThat(site("assets/favicon.svg")).exists();
        assertThat(log.toString()).contains("validated demo/dist/add_and_log.wasm: 1 check(s) passed");
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        build();
        Map<String, String> first = project.snapshot();
        build();
        assertThat(project.snapshot()).isEqualTo(first);
    }

    private void assertFailsLeavingSiteUnchanged(String expectedOneLine) throws Exception {
        Map<String, String> before = project.snapshot();
        assertThatThrownBy(this::build)
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith(expectedOneLine));
        assertThat(project.snapshot()).isEqualTo(before);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).allMatch(n -> !n.contains(".staging") && !n.contains(".previous"));
        }
    }

    @Test
    void brokenLinkFailsWithFileAndLineAndKeepsTheSite() throws Exception {
        build();
        project.page("intro.md", "Intro", 2, "## How it runs\n\nline\n\nSee [setup](setup.md).\n");
        assertFailsLeavingSiteUnchanged("content/intro.md:10: error: broken link 'setup.md' (published as 'setup.html'): "
                + "no file setup.html in the site");
    }

    @Test
    void brokenAnchorFailsWithFileLineAndTarget() throws Exception {
        build();
        project.page("index.md", "Start", 1, "# Welcome\n\nSee [intro](intro.md#how-it-walks).\n");
        assertFailsLeavingSiteUnchanged("content/index.md:8: error: broken link 'intro.md#how-it-walks' (published as "
                + "'intro.html#how-it-walks'): no element with id \"how-it-walks\" in intro.html");
    }

    @Test
    void brokenLinkInADemoPageNamesTheDemoFileAndLine() throws Exception {
        build();
        Files.writeString(dir.resolve("demo/index.html"), "<!DOCTYPE html><html><head><title>x</title></head>\n<body>\n<a href=\"nope.html\">x</a></body></html>\n");
        assertFailsLeavingSiteUnchanged("demo/index.html:3: error: broken link 'nope.html': no file demo/nope.html in the site");
    }

    @Test
    void missingImageFails() throws Exception {
        build();
        project.page("index.md", "Start", 1, "![diagram](img/missing.png)\n");
        assertFailsLeavingSiteUnchanged("content/index.md:6: error: broken link 'img/missing.png'");
    }

    @Test
    void malformedFrontMatterFails() throws Exception {
        build();
        Files.writeString(dir.resolve("content/intro.md"), "---\ntitle: Intro\norder: [2\n---\nbody\n");
        assertFailsLeavingSiteUnchanged("content/intro.md:");
    }

    @Test
    void unknownTemplateFails() throws Exception {
        build();
        Files.writeString(dir.resolve("content/intro.md"), "---\ntitle: Intro\ndescription: d\ntemplate: landing\n---\nbody\n");
        assertFailsLeavingSiteUnchanged("content/intro.md:1: error: unknown template 'landing' (hint: available templates: 404, base, page)");
    }

    @Test
    void missingIncludeFails() throws Exception {
        build();
        project.page("intro.md", "Intro", 2, "```c include=\"../demo/c/gone.c\"\n```\n");
        assertFailsLeavingSiteUnchanged("content/intro.md:6: error: included file not found: ../demo/c/gone.c");
    }

    @Test
    void twoPagesWithOneOutputPathFail() throws Exception {
        build();
        project.page("README.md", "Readme", 3, "text\n");
        assertFailsLeavingSiteUnchanged("content/index.md: error: publishes to index.html, which content/README.md already publishes to");
    }

    @Test
    void nonUtf8TextFails() throws Exception {
        build();
        Files.write(dir.resolve("content/intro.md"), "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFailsLeavingSiteUnchanged("content/intro.md:2: error: not valid UTF-8");
    }

    @Test
    void warningsFailInStrictMode() throws Exception {
        build();
        Files.writeString(dir.resolve("content/intro.md"), "---\ntitle: Intro\ndescription: d\nautor: me\n---\n## How it runs\n");
        assertFailsLeavingSiteUnchanged("content/intro.md:4: error: 1 warning(s) in strict mode: unknown front matter field 'autor'");
    }

    @Test
    void brokenModuleFailsTheBuildNamingModuleCheckExpectedAndActual() throws Exception {
        build();
        Files.copy(Path.of("src/test/resources/wasm/wrong_sum.wasm"), dir.resolve("demo/dist/add_and_log.wasm"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertFailsLeavingSiteUnchanged("demo/dist/add_and_log.wasm: error: check \"adds\" failed: expected an export named add_and_log");
    }

    @Test
    void moduleWithoutChecksIsRefused() throws Exception {
        build();
        Files.copy(Path.of("src/test/resources/wasm/wrong_sum.wasm"), dir.resolve("demo/dist/extra.wasm"));
        assertFailsLeavingSiteUnchanged("demo/dist/extra.wasm: error: module has no checks and would be published unproven");
    }
}
