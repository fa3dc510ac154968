package dev.wasmtutorial.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview server over real HTTP on loopback: content types, caching, ranges, gzip, headers, 404 and path traversal. */
class PreviewServerTest {

    @TempDir
    static Path root;

    static PreviewServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String SECRET = "TOP-SECRET-OUTSIDE-THE-SITE";

    @BeforeAll
    static void start() throws Exception {
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>home</title>" + "<p>text</p>".repeat(200));
        Files.writeString(site.resolve("404.html"), "<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/site.css"), "body { color: red; }\n".repeat(50));
        Files.write(site.resolve("module.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(site.resolve("link.txt"), root.resolve("secret.txt"));
        server = new PreviewServer(site, "127.0.0.1", 0, "/", false).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesWasmWithItsContentType() throws Exception {
        HttpResponse<byte[]> response = get("module.wasm");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/wasm");
        assertThat(response.body()).hasSize(8);
    }

    @Test
    void answersConditionalRequestsWith304() throws Exception {
        HttpResponse<byte[]> first = get("assets/site.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get("assets/site.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("assets/site.css", "If-Modified-Since", modified).statusCode()).isEqualTo(304);
    }

    @Test
    void supportsHeadAndRanges() throws Exception {
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(server.url().resolve("index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow()).isPositive();

        HttpResponse<byte[]> range = get("module.wasm", "Range", "bytes=1-3");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(new String(range.body(), StandardCharsets.US_ASCII)).isEqualTo("asm");
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 1-3/8");
    }

    @Test
    void gzipsTextOnRequest() throws Exception {
        HttpResponse<byte[]> response = get("index.html", "Accept-Encoding", "gzip");
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html><title>home</title>");
        }
        assertThat(get("index.html").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void sendsSecurityAndIsolationHeaders() throws Exception {
        var headers = get("index.html").headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("'wasm-unsafe-eval'").doesNotContain("'unsafe-eval'").doesNotContain("*");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Cross-Origin-Embedder-Policy")).contains("require-corp");
    }

    @Test
    void unknownPathGetsThe404PageWithStatus404() throws Exception {
        HttpResponse<byte[]> response = get("no/such/page.html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<h1>Page not found</h1>");
    }

    @Test
    void neverListsDirectories() throws Exception {
        HttpResponse<byte[]> response = get("assets/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("site.css").contains("<h1>Page not found</h1>");
    }

    @Test
    void symlinkPointingOutsideIsNotFollowed() throws Exception {
        HttpResponse<byte[]> response = get("link.txt");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }

    /** Raw request lines, so no client library can normalise the path first. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/../secret.txt",
            "/assets/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/..\\secret.txt",
            "/%252e%252e/secret.txt",
            "/%252e%252e%252fsecret.txt",
            "/index.html%00.txt",
            "/%00",
            "/./../secret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt"
    })
    void traversalAttemptsAreRefusedWithoutLeakingTheFile(String path) throws Exception {
        RawHttp response = RawHttp.get(server.port(), path, "127.0.0.1");
        assertThat(response.status()).as("status for %s", path).isIn(400, 404);
        assertThat(response.text()).doesNotContain(SECRET);
    }

    @Test
    void servesUnderASubPath() throws Exception {
        try (PreviewServer sub = new PreviewServer(root.resolve("site"), "127.0.0.1", 0, "/tutorial/", false).start()) {
            assertThat(sub.url().getPath()).isEqualTo("/tutorial/");
            HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(sub.url().resolve("module.wasm")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(ok.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> outside = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sub.port() + "/module.wasm")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(outside.statusCode()).isEqualTo(404);
        }
    }
}
