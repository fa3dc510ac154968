package dev.wasmtutorial.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built site as a reader meets it, in headless Chromium. Subclasses mount the same site at
 * the server root and under a sub-path: every relative URL must work in both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserSuite {

    private SiteUnderTest site;
    private Chromium chromium;
    private BrowserContext context;
    Page page;

    /** Console errors, failed requests and requests to other origins seen by the current page. */
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    abstract String contextPath();

    String siteUrl(String sitePath) {
        return site.url(sitePath).toString();
    }

    abstract String suiteName();

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        site = new SiteUnderTest(contextPath());
        chromium = new Chromium();
    }

    @AfterAll
    void stop() throws Exception {
        chromium.close();
        site.close();
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setColorScheme(ColorScheme.LIGHT));
        page = context.newPage();
        problems.clear();
        page.onConsoleMessage((ConsoleMessage m) -> {
            if (m.type().equals("error")) {
                problems.add("console error: " + m.text());
            }
        });
        page.onRequestFailed((Request r) -> problems.add("failed request: " + r.url() + " (" + r.failure() + ")"));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add("HTTP " + r.status() + ": " + r.url());
            }
        });
        page.onRequest((Request r) -> {
            String url = r.url();
            if (!url.startsWith(site.origin() + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) {
                problems.add("request to another origin: " + url);
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @TestFactory
    Stream<DynamicTest> everySitemapPageLoadsCleanly() throws Exception {
        return site.sitemapPages().stream().map(path -> DynamicTest.dynamicTest(path.isEmpty() ? "/" : path, () -> {
            openPage();
            try {
                var response = page.navigate(site.url(path).toString());
                assertThat(response.status()).as("status of %s", path).isEqualTo(200);
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                @SuppressWarnings("unchecked")
                List<String> missing = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
                        + ".map(a => decodeURIComponent(a.getAttribute('href').slice(1)))"
                        + ".filter(id => id && !document.getElementById(id))");
                assertThat(missing).as("in-page anchors without a target on %s", path).isEmpty();
                assertThat(page.title()).isNotBlank();
                Path shot = Chromium.screenshotDir(suiteName()).resolve((path.isEmpty() ? "index" : path.replace('/', '_')) + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                assertThat(problems).as("problems on %s", path).isEmpty();
            } finally {
                closePage();
            }
        }));
    }

    @Test
    void minimalDemoRoundTrip() {
        page.navigate(site.url("minimal-demo/index.html").toString());
        ConsoleMessage message = page.waitForConsoleMessage(
                new Page.WaitForConsoleMessageOptions().setPredicate(m -> m.text().equals("WASM says: 12")),
                () -> page.click("#run"));
        assertThat(message.text()).isEqualTo("WASM says: 12");
        assertThat(page.locator("#result")).hasText("Result: 12");
        assertThat(problems).isEmpty();
    }

    @Test
    void starterPackCallsAddAndShowsStdout() {
        page.navigate(site.url("emscripten-starter-pack/web/index.html").toString());
        assertThat(page.locator("#add-result")).hasText("add(2, 3) = 5");
        assertThat(page.locator("#stdout")).containsText("Hello from C, printed through Emscripten's stdio!");
        assertThat(page.locator("#stdout")).containsText("2 + 3 = 5");
        page.fill("#a", "2147483647");
        page.fill("#b", "1");
        page.click("#add-form button[type=submit]");
        assertThat(page.locator("#add-result")).hasText("add(2147483647, 1) = -2147483648");
        assertThat(problems).isEmpty();
    }

    @Test
    void stringsDemoRoundTripsUtf8ByHandAndThroughTheGlue() {
        page.navigate(site.url("strings-demo/index.html").toString());
        page.fill("#text", "grüße, wasm ☕");
        page.click("#shout-form button[type=submit]");
        assertThat(page.locator("#hand-result")).hasText("GRüßE, WASM ☕");
        assertThat(page.locator("#glue-result")).hasText("GRüßE, WASM ☕");
        assertThat(page.locator("#printed")).hasText("GRüßE, WASM ☕");
        page.fill("#text", "again");
        page.click("#shout-form button[type=submit]");
        assertThat(page.locator("#hand-result")).hasText("AGAIN");
        assertThat(page.locator("#printed")).containsText("AGAIN");
        assertThat(problems).isEmpty();
    }

    @Test
    void demoPagesLinkToTheRenderedTutorialPages() {
        page.navigate(site.url("minimal-demo/index.html").toString());
        page.click("text=How this works, step by step");
        assertThat(page.locator("h1")).hasText("The round trip, step by step");
        page.navigate(site.url("strings-demo/index.html").toString());
        page.click("text=How this works, step by step");
        assertThat(page.locator("h1")).hasText("Strings demo");
        page.navigate(site.url("emscripten-starter-pack/web/index.html").toString());
        page.click("text=What happens to a printf, step by step");
        page.waitForURL("**/intro_to_wasm.html#syscall-round-trip-sequence");
        assertThat(problems).isEmpty();
    }

    @Test
    void inspectorPanelsShowTheRealExports() {
        page.navigate(site.url("minimal-demo/index.html").toString());
        var minimal = page.locator("[data-module='add_and_log.wasm'] table.inspector-exports");
        assertThat(minimal).containsText("add_and_log");
        assertThat(minimal).containsText("(i32, i32) -> i32");
        assertThat(page.locator("[data-module='add_and_log.wasm'] table.inspector-imports")).containsText("env.log_value");

        page.navigate(site.url("emscripten-starter-pack/web/index.html").toString());
        assertThat(page.locator("[data-module='hello_export.wasm'] table.inspector-exports")).containsText("add");
        assertThat(page.locator("[data-module='hello_stdio.wasm'] table.inspector-imports"))
                .containsText("wasi_snapshot_preview1.fd_write");
        assertThat(page.locator("[data-module='hello_stdio.wasm'] table.inspector-exports")).containsText("main");
        assertThat(page.locator("[data-module='hello_stdio.wasi.wasm'] table.inspector-exports")).containsText("_start");
        assertThat(page.locator("[data-module='hello_stdio.wasi.wasm'] table.inspector-imports"))
                .not().containsText("env.");

        page.navigate(site.url("strings-demo/index.html").toString());
        assertThat(page.locator("[data-module='shout.wasm'] table.inspector-exports")).containsText("malloc");
    }

    @Test
    void unknownUrlServesThe404PageWithStatus404() {
        var response = page.navigate(site.url("no/such/page.html").toString());
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
    }

    @Test
    void darkModeToggleIsRememberedAcrossPages() {
        page.navigate(site.url("index.html").toString());
        assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("light");
        page.click(".theme-toggle");
        assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("dark");
        page.navigate(site.url("intro_to_wasm.html").toString());
        assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("dark");
        page.click(".theme-toggle");
        page.navigate(site.url("index.html").toString());
        assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("light");
    }

    @Test
    void seedLinksResolveOnTheBuiltSite() {
        page.navigate(site.url("index.html").toString());
        for (String anchor : List.of("os-illusion-stack-view", "js-wasm-round-trip-browser", "syscall-round-trip-sequence")) {
            page.navigate(site.url("index.html").toString());
            page.click("a[href='intro_to_wasm.html#" + anchor + "']");
            page.waitForURL("**/intro_to_wasm.html#" + anchor);
            assertThat(page.locator("#" + anchor)).isVisible();
        }
        page.navigate(site.url("index.html").toString());
        page.click("a[href='minimal-demo/index.html']");
        assertThat(page.locator("h1")).hasText("Minimal JS ↔ Wasm round trip");
    }
}
