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
        assertThat(Main.run("build", "--base-url", "http://a b/")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).containsExactly("error: Invalid value for option '--base-url': cannot convert "
                + "'http://a b/' to URI (java.net.URISyntaxException: Illegal character in authority at index 7: http://a b/) "
                + "(hint: see 'wasm-tutorial build --help')");
    }
}
