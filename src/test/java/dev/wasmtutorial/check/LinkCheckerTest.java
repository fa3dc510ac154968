package dev.wasmtutorial.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LinkCheckerTest {

    @TempDir
    Path site;

    private void write(String path, String html) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html);
    }

    @Test
    void acceptsValidLinksAnchorsAndAssets() throws Exception {
        write("index.html", """
                <link rel="stylesheet" href="assets/site.css"><h2 id="here">x</h2>
                <a href="#here">a</a> <a href="guide/page.html#deep">b</a> <a href="guide/">c</a> <a href="#">top</a>
                <img src="data:image/png;base64,AA"> <a href="https://example.org/x">ext</a> <a href="mailto:a@b">m</a>
                """);
        write("assets/site.css", "body{}");
        write("guide/page.html", "<p id=\"deep\">deep</p><a href=\"../index.html#here\">back</a><a name=\"old\"></a>");
        write("guide/index.html", "<a href=\"page.html#old\">old anchor</a>");

        LinkChecker.Report report = LinkChecker.forFolder(site, "/").check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.external()).containsExactly("https://example.org/x");
        assertThat(report.pagesChecked()).isEqualTo(3);
    }

    @Test
    void reportsMissingFilesAndMissingAnchors() throws Exception {
        write("index.html", """
                <a href="missing.html">a</a>
                <a href="other.html#nope">b</a>
                <a href="#also-nope">c</a>
                <script src="gone.js"></script>
                <a href="../../etc/passwd">out</a>
                """);
        write("other.html", "<h2 id=\"yes\">yes</h2>");

        LinkChecker.Report report = LinkChecker.forFolder(site, "/").check();
        assertThat(report.problems()).extracting(LinkChecker.Problem::href, LinkChecker.Problem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("#also-nope", "no element with id \"also-nope\" in index.html"),
                org.assertj.core.groups.Tuple.tuple("../../etc/passwd", "points outside the site"),
                org.assertj.core.groups.Tuple.tuple("gone.js", "no file gone.js in the site"),
                org.assertj.core.groups.Tuple.tuple("missing.html", "no file missing.html in the site"),
                org.assertj.core.groups.Tuple.tuple("other.html#nope", "no element with id \"nope\" in other.html"));
    }

    @Test
    void rootRelativeLinksResolveAgainstTheBasePath() throws Exception {
        write("404.html", "<a href=\"/repo/index.html\">home</a><a href=\"/elsewhere/x.html\">bad</a>");
        write("index.html", "ok");
        LinkChecker.Report report = LinkChecker.forFolder(site, "/repo/").check();
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("root-relative link outside the site's base path /repo/"));
    }

    @org.junit.jupiter.api.Test
    void aSchemeIsALetterThenLettersDigitsPlusMinusOrDotsThenAColon() {
        for (String yes : new String[] {"https://x", "mailto:a@b", "a:", "git+ssh://h", "x-y.z:1", "HTTP://X"}) {
            org.assertj.core.api.Assertions.assertThat(LinkChecker.hasScheme(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"", ":x", "1a:b", "page.html", "a/b:c", "#x:y", "./a:b", "a b:c", "é:x"}) {
            org.assertj.core.api.Assertions.assertThat(LinkChecker.hasScheme(no)).as(no).isFalse();
        }
    }
}
