package dev.wasmtutorial.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, errors included, over raw sockets: the security headers, no server banner, no
 * Jetty error page, the site's 404 for folders, and 405 with Allow for methods that cannot apply.
 */
class ErrorAnswersTest {

    static final String OK = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path site;

    static PreviewServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>home</title>");
        Files.writeString(site.resolve("404.html"), "<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/site.css"), "body {}");
        Files.createDirectories(site.resolve("guide"));
        Files.writeString(site.resolve("guide/index.html"), "<!DOCTYPE html><title>guide</title>");
        server = new PreviewServer(site, "127.0.0.1", 0, "/", false).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static void assertHardened(RawHttp response) {
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Cross-Origin-Embedder-Policy")).isEqualTo("require-corp");
        assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
        assertThat(response.header("Server")).isNull();
        assertThat(response.text().toLowerCase()).doesNotContain("jetty");
    }

    /** Errors Jetty raises while parsing, before any handler of ours sees the request. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "400 | not a request line",
            "400 | GET / HTTP/1.1 trailing",
            "414 | GET /LONG HTTP/1.1",
            "431 | GET / HTTP/1.1\\r\\nX-Big: BIG",
            "505 | GET / HTTP/9.9"})
    void errorsBeforeTheHandlersCarryTheSecurityHeaders(int status, String start) throws Exception {
        String request = start.replace("LONG", "a".repeat(20_000)).replace("BIG", "b".repeat(20_000))
                .replace("\\r\\n", "\r\n") + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        RawHttp response = RawHttp.send(server.port(), request);
        assertThat(response.status()).isEqualTo(status);
        assertHardened(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/assets/site.css", "/no/such/page", "/%2e%2e/secret"})
    void noAnswerNamesTheServer(String path) throws Exception {
        assertHardened(RawHttp.get(server.port(), path, "localhost"));
    }

    @Test
    void errorsOfOurOwnSayWhatToDoAsHtmlOrJson() throws Exception {
        RawHttp html = RawHttp.send(server.port(), "DELETE /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("<h1>405 Method Not Allowed</h1>").contains("Only GET and HEAD");
        RawHttp json = RawHttp.send(server.port(), "DELETE /index.html HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.body()).isEqualTo("{\"status\":405,\"error\":\"Method Not Allowed\",\"hint\":\"Only GET and HEAD are served here.\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets", "/assets/", "/guide/../assets/"})
    void foldersWithoutAnIndexAnswerTheSite404(String path) throws Exception {
        RawHttp response = RawHttp.get(server.port(), path, "localhost");
        assertThat(response.status()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("site.css");
        if (!path.contains("..")) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("<h1>Page not found</h1>");
            assertHardened(response);
        }
    }

    @Test
    void foldersWithAnIndexStillServeIt() throws Exception {
        assertThat(RawHttp.get(server.port(), "/guide/", "localhost").body()).contains("<title>guide</title>");
        RawHttp bare = RawHttp.get(server.port(), "/guide", "localhost");
        assertThat(bare.status()).isBetween(301, 308);
        assertThat(bare.header("Location")).endsWith("/guide/");
    }

    @ParameterizedTest
    @CsvSource({"POST,/index.html", "PUT,/index.html", "DELETE,/assets/site.css", "PATCH,/index.html", "OPTIONS,/index.html",
            "TRACE,/", "PROPFIND,/", "POST,/no/such/page", "PUT,/assets/"})
    void otherMethodsThanGetAndHeadAnswer405WithAllow(String method, String path) throws Exception {
        RawHttp response = RawHttp.send(server.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(response.status()).as(method + " " + path).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
        assertHardened(response);
    }

    @Test
    void headOfAFolderIs404WithoutABody() throws Exception {
        RawHttp response = RawHttp.send(server.port(), "HEAD /assets/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
        assertThat(RawHttp.send(server.port(), OK).status()).isEqualTo(200);
    }
}
