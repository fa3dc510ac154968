package dev.wasmtutorial.serve;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DNS rebinding: requests whose Host is not a name of this server get 421, on the static preview
 * and on the watching server's live-reload stream alike; the server's own names (any port) pass.
 */
class HostAllowlistTest {

    @TempDir
    static Path site;

    static PreviewServer preview;
    static PreviewServer watching;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>home</title>");
        preview = new PreviewServer(site, "127.0.0.1", 0, "/", false).start();
        watching = new PreviewServer(site, "127.0.0.1", 0, "/", true, List.of("mybox.test", "192.168.7.7:9000", "fd00::7")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        preview.close();
        watching.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8000", "LocalHost", "localhost.", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:8000"})
    void answersItsOwnNamesWithAnyPort(String host) throws Exception {
        assertThat(RawHttp.get(preview.port(), "/", host).status()).as(host).isEqualTo(200);
        assertThat(RawHttp.get(watching.port(), "/", host).status()).as(host).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mybox.test", "MYBOX.test:8119", "192.168.7.7", "192.168.7.7:80", "[fd00::7]:8000"})
    void answersNamesAddedWithAllowedHost(String host) throws Exception {
        assertThat(RawHttp.get(watching.port(), "/", host).status()).as(host).isEqualTo(200);
        assertThat(RawHttp.get(preview.port(), "/", host).status()).as(host).isEqualTo(421);
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example", "attacker.example:8000", "localhost.attacker.example", "127.0.0.1.nip.io",
            "0.0.0.0", "[::2]", "mybox.test.attacker.example"})
    void refusesOtherHostsWith421AndTheSecurityHeaders(String host) throws Exception {
        for (PreviewServer server : List.of(preview, watching)) {
            RawHttp response = RawHttp.get(server.port(), "/", host);
            assertThat(response.status()).as(host).isEqualTo(421);
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.body()).contains("--allowed-host").doesNotContain("home");
        }
    }

    /** Jetty itself refuses some of these with 400 before the check runs; either way the site is not served. */
    @ParameterizedTest
    @ValueSource(strings = {"localhost:80:80", "localhost:http", "[::1", "local host", "localhost/evil"})
    void refusesMalformedHosts(String host) throws Exception {
        RawHttp response = RawHttp.get(preview.port(), "/", host);
        assertThat(response.status()).as(host).isIn(400, 421);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).doesNotContain("home");
    }

    @Test
    void theLiveReloadStreamIsBehindTheCheck() throws Exception {
        assertThat(RawHttp.get(watching.port(), LiveReload.PATH, "attacker.example").status()).isEqualTo(421);
        assertThat(watching.liveReload().clientCount()).isZero();
    }

    @Test
    void refusesARequestWithoutHostAndAnAbsoluteTargetNamingAnotherHost() throws Exception {
        assertThat(RawHttp.send(preview.port(), "GET / HTTP/1.0\r\n\r\n").status()).isEqualTo(421);
        // Jetty answers 400 when the target's authority and Host differ; 421 if it let one through.
        assertThat(RawHttp.send(preview.port(), "GET http://attacker.example/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .status()).isIn(400, 421);
        assertThat(RawHttp.send(preview.port(), "GET http://localhost/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .status()).isEqualTo(200);
    }

    @Test
    void theBindAddressIsOneOfItsNames() throws Exception {
        try (PreviewServer bound = new PreviewServer(site, "127.0.0.2", 0, "/", false).start()) {
            assertThat(RawHttp.send("127.0.0.2", bound.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.2:" + bound.port()
                    + "\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedAllowedHostIsABuildErrorNamingTheOption() {
        assertThatThrownBy(() -> new PreviewServer(site, "127.0.0.1", 0, "/", false, List.of("bad:name:")))
                .isInstanceOf(BuildException.class).hasMessageContaining("--allowed-host bad:name:");
    }
}
