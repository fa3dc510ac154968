package dev.wasmtutorial.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium (or the one named by -Dchromium.path), driven by Playwright, offline: no
 * browser download, no background traffic, DNS answered only for loopback. An empty
 * -Dchromium.path lets Playwright use (and download) its own Chromium instead.
 */
final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    final Browser browser;

    Chromium() {
        String executable = System.getProperty("chromium.path", "/usr/bin/chromium");
        // With a browser of our own, Playwright must not try to download one (its CDN is not
        // reachable everywhere). With -Dchromium.path= (empty), it may fetch its own Chromium.
        Map<String, String> env = executable.isBlank() ? Map.of() : Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"));
        if (!executable.isBlank()) {
            options.setExecutablePath(Path.of(executable));
        }
        browser = playwright.chromium().launch(options);
    }

    static Path screenshotDir(String suite) {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolve(suite);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
