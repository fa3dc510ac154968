package dev.wasmtutorial.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's contract: exit codes, and bad input reported as one line without a stack trace. */
class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true));
        System.setOut(new PrintStream(out, true));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void badInputExitsOneWithASingleLineAndNoStackTrace() throws Exception {
        Files.createDirectories(dir.resolve("content"));
        Files.writeString(dir.resolve("content/index.md"), "# no front matter\n");
        int exit = Main.run("build", "--root", dir.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(),
                "--demo", dir.resolve("none").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "content/index.md:1: error: missing front matter (hint: start the file with '---', a 'title: ...' line and a closing '---')");
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(Main.run("build", "--colour")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--colour'");
    }

    @Test
    void checkCommandReportsBrokenLinks() throws Exception {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), "<a href=\"gone.html\">x</a><a href=\"#\">top</a>");
        assertThat(Main.run("check", "--dir", dir.resolve("site").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error: broken link 'gone.html': no file gone.html in the site");
        assertThat(out.toString()).contains("checked 2 links in 1 pages: 1 broken, 0 external (not fetched)");
    }

    @Test
    void aMalformedOptionValueIsOneLineNotTheUsage() {
        assertThat(Main.run("build", "--base-url", "http://a b/")).isEqualTo(1);
        assertThat(err.toString().strip().lines()).containsExactly(
                "error: --base-url 'http://a b/' is not an absolute URL (hint: write e.g. --base-url https://example.org/tutorial/)");
        err.reset();
        assertThat(Main.run("serve", "--port", "eighty")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .startsWith("error: Invalid value for option '--port': 'eighty' is not an int")
                .endsWith("(hint: see 'wasm-tutorial serve --help')");
    }

    /** A project with one page and one demo folder the CLI is not told about, whose build script makes its module. */
    private void projectWithAFixtureDemo() throws Exception {
        Files.createDirectories(dir.resolve("content"));
        Files.writeString(dir.resolve("content/index.md"), "---\ntitle: Home\ndescription: Start.\n---\nTry the [demo](../third-demo/index.html).\n");
        Path demo = Files.createDirectories(dir.resolve("third-demo/scripts"));
        Files.copy(Path.of("src/test/resources/wasm/add_and_log.wasm"), demo.resolve("module.bin"));
        Files.writeString(demo.resolve("build.sh"), "cd \"$(dirname \"$0\")/..\" && mkdir -p dist && cp scripts/module.bin dist/add.wasm && echo built: dist/add.wasm\n");
        Files.writeString(dir.resolve("third-demo/wasm-checks.yaml"), """
                build: scripts/build.sh
                modules:
                  - file: dist/add.wasm
                    record: [env.log_value]
                    checks:
                      - name: adds
                        call: add_and_log
                        args: [5, 7]
                        returns: 12
                """);
        Files.writeString(dir.resolve("third-demo/index.html"),
                "<!DOCTYPE html><html><head><title>Third</title></head><body><a href=\"../index.html\">back</a></body></html>\n");
    }

    @Test
    void aTopLevelFolderWithAChecksFileIsADemoBuiltByItsOwnScript() throws Exception {
        projectWithAFixtureDemo();
        int exit = Main.run("build", "--root", dir.toString(), "--templates", Path.of("templates").toAbsolutePath().toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("demo third-demo: bash third-demo/scripts/build.sh").contains("built: dist/add.wasm")
                .contains("validated third-demo/dist/add.wasm: 1 check(s) passed");
        assertThat(dir.resolve("site/third-demo/dist/add.wasm")).exists();
        assertThat(dir.resolve("site/third-demo/dist/add.wasm.json")).content().contains("\"result\" : \"pass\"");
    }

    @Test
    void withoutTheFrontEndOrABaseUrlTheBuildSaysWhatItSkipsAndWritesNoAbsoluteUrl() throws Exception {
        projectWithAFixtureDemo();
        assertThat(Main.run("build", "--root", dir.toString(), "--templates", Path.of("templates").toAbsolutePath().toString())).isZero();
        assertThat(out.toString()).contains("note: no front-end build (src/main/frontend/build.mjs is missing): publishing the "
                + "templates' assets unbundled, without build-time highlighting or a search index; run ./mvnw package once");
        assertThat(dir.resolve("site/index.html")).content().doesNotContain("rel=\"canonical\"");
        assertThat(dir.resolve("site/sitemap.xml")).doesNotExist();
        assertThat(dir.resolve("site/robots.txt")).content().doesNotContain("Sitemap");

        assertThat(Main.run("build", "--root", dir.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(),
                "--base-url", "https://example.org/t")).isZero();
        assertThat(dir.resolve("site/index.html")).content().contains("<link rel=\"canonical\" href=\"https://example.org/t/\">");
        assertThat(dir.resolve("site/sitemap.xml")).content().contains("<loc>https://example.org/t/third-demo/index.html</loc>");
    }

    @Test
    void aBaseUrlThatIsNotAbsoluteIsOneClearError() {
        assertThat(Main.run("build", "--root", dir.toString(), "--base-url", "example.org")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: --base-url 'example.org' is not an absolute URL (hint: write e.g. --base-url https://example.org/tutorial/)");
    }
}
