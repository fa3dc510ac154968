package dev.wasmtutorial.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.wasmtutorial.TestFiles;
import dev.wasmtutorial.serve.PreviewServer;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What the front-end build adds: search, highlighting, diagrams, offline, page weight, accessibility. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontEndIT {

    private SiteUnderTest site;
    private Chromium chromium;

    @BeforeAll
    void start() throws Exception {
        site = new SiteUnderTest("/tutorial/");
        chromium = new Chromium();
    }

    @AfterAll
    void stop() throws Exception {
        chromium.close();
        site.close();
    }

    private Page newPage(BrowserContext context) {
        return context.newPage();
    }

    @Test
    void searchingForFdWriteLandsOnTheSyscallSection() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = newPage(context);
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            page.navigate(site.url("index.html").toString());
            page.keyboard().press("/");
            assertThat(page.locator("#search-input")).isFocused();
            page.keyboard().type("fd_write");
            var hit = page.locator("#search-results a[href*='intro_to_wasm.html#syscall-round-trip-sequence']");
            try {
                assertThat(hit).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(10_000));
            } catch (AssertionError e) {
                throw new AssertionError("search status: '" + page.locator("#search-status").textContent() + "', results: "
                        + page.locator("#search-results a").evaluateAll("as => as.map(a => a.getAttribute('href'))") + ", console: " + console, e);
            }
            // Keyboard only: arrow down into the results until the syscall section is focused.
            for (int i = 0; i < 25 && !hit.evaluate("a => a === document.activeElement").equals(Boolean.TRUE); i++) {
                page.keyboard().press("ArrowDown");
            }
            page.keyboard().press("Enter");
            page.waitForURL("**/intro_to_wasm.html#syscall-round-trip-sequence");
            assertThat(page.locator("#syscall-round-trip-sequence")).isInViewport();
        }
    }

    @Test
    void codeIsHighlightedWithoutJavaScript() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = newPage(context);
            page.navigate(site.url("round_trip_flow.html").toString());
            assertThat(page.locator("pre.language-c code .token.keyword").first()).isVisible();
            assertThat(page.locator("pre.language-javascript code .token.function").first()).isVisible();
            assertThat(page.locator("pre.language-bash code .token").first()).isVisible();
        }
    }

    @Test
    void diagramsAreInlineSvgWithoutJavaScriptWithTheirTextAndSource() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = newPage(context);
            page.navigate(site.url("intro_to_wasm.html").toString());
            var diagrams = page.locator("figure.diagram .diagram-svg[role=img]:visible");
            assertThat(diagrams).hasCount(4);
            for (int i = 0; i < 4; i++) {
                assertThat(diagrams.nth(i).locator("svg")).isVisible();
            }
            assertThat(diagrams.first()).hasAttribute("aria-label", Pattern.compile("^Diagram \\(flowchart\\): bytes \\(\\.wasm file\\); validate \\+ compile;.*"));
            assertThat(page.locator("figure.diagram details pre.diagram-source").first()).containsText("flowchart LR");
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) page.evaluate("() => [...document.querySelectorAll('figure.diagram svg')].map(s => s.id)");
            assertThat(ids).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        }
    }

    @Test
    void pagesWithDiagramsLoadNoDiagramScriptAndDrawTheDarkVariantInTheDarkTheme() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = newPage(context);
            List<String> scripts = new ArrayList<>();
            page.onRequest(r -> {
                if (r.resourceType().equals("script")) {
                    scripts.add(r.url());
                }
            });
            page.addInitScript("localStorage.setItem('theme', 'dark')");
            page.navigate(site.url("intro_to_wasm.html").toString());
            page.waitForLoadState(LoadState.NETWORKIDLE);
            // The text colour Mermaid's theme gives the visible drawing of the first diagram: light on dark, dark on light.
            String brightness = "() => { const svg = [...document.querySelectorAll('figure.diagram svg')].find(s => s.checkVisibility());"
                    + " return getComputedStyle(svg).fill.match(/\\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0); }";
            double dark = ((Number) page.evaluate(brightness)).doubleValue();
            page.click(".theme-toggle");
            assertThat(page.locator("html")).hasAttribute("data-theme", "light");
            double light = ((Number) page.evaluate(brightness)).doubleValue();
            assertThat(dark).as("diagram text brightness, dark theme vs light theme").isGreaterThan(light + 200);
            assertThat(scripts).isNotEmpty().noneMatch(url -> url.toLowerCase(Locale.ROOT).matches(".*(mermaid|diagram).*"));
        }
    }

    @Test
    void pageWithoutDiagramsStaysUnderTheWeightBudget() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = newPage(context);
            page.navigate(site.url("install_and_run.html").toString());
            page.waitForLoadState(LoadState.NETWORKIDLE);
            Number bytes = (Number) page.evaluate("() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                    + ".reduce((sum, e) => sum + e.transferSize, 0)");
            System.out.printf("page weight: install_and_run.html transferred %.1f KB on first load (budget 50 KB)%n", bytes.doubleValue() / 1024);
            assertThat(bytes.doubleValue()).isPositive().isLessThan(50 * 1024);
        }
    }

    @Test
    void tutorialAndMinimalDemoWorkOffline() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = newPage(context);
            page.navigate(site.url("index.html").toString());
            // evaluate waits for the promise (waitForFunction would not: a promise is already truthy).
            page.evaluate("() => navigator.serviceWorker.ready");
            // Reload once so the page is controlled by the worker, whose install precached the site.
            page.reload();
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");

            context.setOffline(true);
            page.navigate(site.url("intro_to_wasm.html").toString());
            assertThat(page.locator("h1.page-title")).hasText("Intro to Wasm");
            page.navigate(site.url("minimal-demo/index.html").toString());
            page.waitForConsoleMessage(new Page.WaitForConsoleMessageOptions().setPredicate(m -> m.text().equals("WASM says: 12")),
                    () -> page.click("#run"));
            assertThat(page.locator("#result")).hasText("Result: 12");
            context.setOffline(false);
        }
    }

    /**
     * Two sites built by this generator on one origin (project pages under one domain: Part I at
     * /part1/, Part II at /part2/): a reader's visit to the second must not delete the first's
     * caches, or the first stops working offline. The second copy gets another cache version, as
     * another site would have.
     */
    @Test
    void twoSitesOnOneOriginKeepEachOthersOfflineCopies(@TempDir Path root) throws Exception {
        TestFiles.copyTree(site.dir, root.resolve("part1"));
        TestFiles.copyTree(site.dir, root.resolve("part2"));
        Path otherWorker = root.resolve("part2/sw.js");
        Files.writeString(otherWorker, Files.readString(otherWorker).replaceFirst("const CACHE = PREFIX \\+ '([0-9a-f]+)'", "const CACHE = PREFIX + '$10'"));
        try (PreviewServer server = new PreviewServer(root, "127.0.0.1", 0, "/", false).start();
             BrowserContext context = chromium.browser.newContext()) {
            Page page = newPage(context);
            for (String part : List.of("part1", "part2")) {
                page.navigate(server.url().resolve(part + "/index.html").toString());
                page.evaluate("() => navigator.serviceWorker.ready");
                page.reload();
                page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            }
            @SuppressWarnings("unchecked")
            List<String> caches = (List<String>) page.evaluate("() => caches.keys()");
            assertThat(caches).as("each site's own cache").anyMatch(name -> name.contains("/part1/")).anyMatch(name -> name.contains("/part2/"));

            context.setOffline(true);
            page.navigate(server.url().resolve("part1/intro_to_wasm.html").toString());
            assertThat(page.locator("h1.page-title")).hasText("Intro to Wasm");
            context.setOffline(false);
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("axe.script", "src/main/frontend/node_modules/axe-core/axe.min.js")));
        List<String> violations = new ArrayList<>();
        // CSP allows only this origin's scripts; the audit script is injected by the test, not the site.
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            for (String path : site.sitemapPages()) {
                for (String theme : List.of("light", "dark")) {
                    Page page = newPage(context);
                    page.addInitScript("localStorage.setItem('theme', '" + theme + "')");
                    page.navigate(site.url(path).toString());
                    page.waitForLoadState(LoadState.NETWORKIDLE);
                    page.evaluate(axe);
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate(
                            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                    + ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))");
                    found.forEach(v -> violations.add((path.isEmpty() ? "/" : path) + " [" + theme + "]: " + v));
                    page.close();
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
