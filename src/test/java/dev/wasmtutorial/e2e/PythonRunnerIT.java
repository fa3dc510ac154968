package dev.wasmtutorial.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.wasmtutorial.TestFiles;
import dev.wasmtutorial.serve.PreviewServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live Python examples (Pyodide in a Worker inside a sandboxed frame; {@link PythonSandboxIT}
 * tries to get out of it) in headless Chromium: served by the preview
 * server (COOP/COEP, CSP: cross-origin isolated, Stop interrupts) and by a plain static host
 * (not isolated, Stop restarts the Worker).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonRunnerIT {

    private static final String PAGE = "python_in_the_browser.html";
    /** Loading Pyodide in a cold browser on a busy 2-core machine. */
    private static final LocatorAssertions.HasAttributeOptions SLOW = new LocatorAssertions.HasAttributeOptions().setTimeout(90_000);

    private SiteUnderTest site;
    private StaticHostWithoutIsolation plainHost;
    private Chromium chromium;
    private BrowserContext context;
    private Page page;
    private final List<String> otherOrigins = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() throws Exception {
        site = new SiteUnderTest("/");
        plainHost = new StaticHostWithoutIsolation(site.dir);
        chromium = new Chromium();
    }

    @AfterAll
    void stop() throws Exception {
        chromium.close();
        plainHost.close();
        site.close();
    }

    @BeforeEach
    void openContext() {
        context = chromium.browser.newContext();
        otherOrigins.clear();
        context.onRequest(r -> {
            if (!r.url().startsWith(site.origin() + "/") && !r.url().startsWith(plainHost.url("")) && !r.url().startsWith("data:")
                    && !r.url().startsWith("blob:")) {
                otherOrigins.add(r.url());
            }
        });
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private Locator runner(int index) {
        return page.locator("[data-python-runner]").nth(index);
    }

    private void run(Locator runner, String expectedState) {
        runner.locator(".runner-run").click();
        assertThat(runner).hasAttribute("data-state", expectedState, SLOW);
    }

    /** Replaces the example's code through the editor, as a reader would. */
    private void type(Locator runner, String code) {
        Locator content = runner.locator(".cm-content");
        if (content.count() == 0) {
            runner.locator(".runner-code").click();
        }
        assertThat(content).isVisible();
        content.click();
        page.keyboard().press("Control+A");
        page.keyboard().insertText(code);
        assertThat(content).containsText(code.lines().findFirst().orElseThrow());
    }

    @Test
    void exampleShowsItsExpectedOutputAndNoRequestLeavesTheOrigin() {
        page.navigate(site.url(PAGE).toString());
        Locator first = runner(0);
        assertThat(first.locator(".runner-status")).containsText("Time limit 10 s");
        run(first, "succeeded");
        assertThat(first.locator(".runner-output")).hasText(first.locator(".runner-expected code").textContent());
        Number total = (Number) first.locator(".runner-progress").evaluate("p => p.max");
        assertThat(total.doubleValue()).as("bytes of Pyodide counted by the progress bar").isGreaterThan(10_000_000);
        assertThat(otherOrigins).isEmpty();
    }

    @Test
    void outputStreamsWhileTheLoopRuns() {
        page.navigate(site.url(PAGE).toString());
        Locator loop = page.locator("[data-python-runner]:has-text('step {step} of 4 done')");
        loop.locator(".runner-run").click();
        assertThat(loop.locator(".runner-output")).containsText("step 1 of 4 done", new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(loop).hasAttribute("data-state", "running");
        assertThat(loop.locator(".runner-output")).not().containsText("finished");
        assertThat(loop).hasAttribute("data-state", "succeeded", SLOW);
        assertThat(loop.locator(".runner-output")).containsText("finished");
    }

    @Test
    void controlEnterInTheEditorRunsTheCode() {
        page.navigate(site.url(PAGE).toString());
        Locator runner = runner(0);
        type(runner, "print('run from the keyboard')");
        page.keyboard().press("Control+Enter");
        assertThat(runner).hasAttribute("data-state", "succeeded", SLOW);
        assertThat(runner.locator(".runner-output")).hasText("run from the keyboard");
        // The shortcut ran the code instead of breaking the line.
        assertThat(runner.locator(".cm-content .cm-line")).hasCount(1);
    }

    @Test
    void stopWhilePythonLoadsCancelsTheRun() {
        // Pyodide's WebAssembly is held back, so Python is certainly still loading at Stop.
        List<Route> held = Collections.synchronizedList(new ArrayList<>());
        context.route("**/pyodide/pyodide.asm.wasm", held::add);
        page.navigate(site.url(PAGE).toString());
        Locator runner = runner(0);
        type(runner, "print('ran after all')");
        runner.locator(".runner-run").click();
        assertThat(runner.locator(".runner-status")).containsText("Loading Python");
        page.waitForCondition(() -> !held.isEmpty(), new Page.WaitForConditionOptions().setTimeout(60_000));
        runner.locator(".runner-stop").click();
        // At once (the default 5 s), not when loading ends.
        assertThat(runner).hasAttribute("data-state", "stopped");
        assertThat(runner.locator(".runner-status")).hasText("Stopped before Python ran it.");
        assertThat(runner.locator(".runner-progress")).isHidden();
        assertThat(runner.locator(".runner-output")).isEmpty();
        assertThat(page.evaluate("pythonEngine.loaded")).isEqualTo(false);

        context.unroute("**/pyodide/pyodide.asm.wasm");
        held.forEach(Route::resume);

        run(runner, "succeeded");
        assertThat(runner.locator(".runner-output")).hasText("ran after all");
        assertThat(page.evaluate("pythonEngine.starts")).isEqualTo(1);
    }

    @Test
    void exceptionShowsATraceback() {
        page.navigate(site.url(PAGE).toString());
        Locator failing = page.locator("[data-python-runner]:has-text('first[\"price\"]')");
        run(failing, "failed");
        assertThat(failing.locator(".runner-output .runner-stderr")).containsText("Traceback (most recent call last)");
        assertThat(failing.locator(".runner-output")).containsText("KeyError: 'price'");
    }

    @Test
    void endlessLoopIsInterruptedWhenCrossOriginIsolated() {
        page.navigate(site.url(PAGE).toString());
        assertThat(page.evaluate("crossOriginIsolated")).isEqualTo(true);
        stopEndlessLoops("interrupt", "globals kept");
    }

    @Test
    void endlessLoopRestartsTheWorkerWithoutIsolation() {
        page.navigate(plainHost.url(PAGE));
        assertThat(page.evaluate("crossOriginIsolated")).isEqualTo(false);
        stopEndlessLoops("restart", "Python was restarted");
    }

    /** Stop, then the time limit, end `while True: pass`; the page stays responsive; the next Run works. */
    private void stopEndlessLoops(String mode, String afterStop) {
        Locator runner = runner(0);
        assertThat(runner).hasAttribute("data-stop-mode", mode);
        type(runner, "counter = 41\nwhile True: pass");
        runner.locator(".runner-run").click();
        assertThat(runner).hasAttribute("data-state", "running");
        assertThat(runner.locator(".runner-status")).containsText("Running", new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        // The page is not frozen: its own script still answers while Python spins.
        assertThat(page.evaluate("() => new Promise(r => setTimeout(() => r('page alive'), 50))")).isEqualTo("page alive");
        runner.locator(".runner-stop").click();
        assertThat(runner).hasAttribute("data-state", "stopped", SLOW);
        assertThat(runner.locator(".runner-status")).containsText(afterStop);

        type(runner, "print(counter + 1)");
        if (mode.equals("interrupt")) {
            run(runner, "succeeded");
            assertThat(runner.locator(".runner-output")).hasText("42");
            assertThat(page.evaluate("pythonEngine.starts")).isEqualTo(1);
        } else {
            run(runner, "failed");
            assertThat(runner.locator(".runner-output")).containsText("NameError");
            assertThat(page.evaluate("pythonEngine.starts")).isEqualTo(2);
        }

        type(runner, "while True: pass");
        long started = System.nanoTime();
        runner.locator(".runner-run").click();
        assertThat(runner).hasAttribute("data-state", "timed_out", SLOW);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).as("time to the time limit's stop").isBetween(9.5, 30.0);
        assertThat(runner.locator(".runner-status")).containsText("Timed out after 10 s");

        type(runner, "print('next run works')");
        run(runner, "succeeded");
        assertThat(runner.locator(".runner-output")).hasText("next run works");
    }

    @Test
    void fetchFromPythonToAnotherOriginIsBlockedByTheSitePolicy() {
        page.navigate(site.url(PAGE).toString());
        int before = plainHost.requests.get();
        Locator runner = runner(0);
        type(runner, "import js\nfrom pyodide.ffi import to_js\ntry:\n"
                + "    await js.fetch('" + plainHost.url("index.html") + "', to_js({'mode': 'no-cors'}, dict_converter=js.Object.fromEntries))\n"
                + "    print('reached the other origin')\nexcept Exception as error:\n    print('blocked:', type(error).__name__)");
        run(runner, "succeeded");
        assertThat(runner.locator(".runner-output")).containsText("blocked:");
        assertThat(plainHost.requests.get()).as("requests that reached the other origin").isEqualTo(before);
    }

    @Test
    void afterOneRunTheRunnerWorksOffline() {
        page.navigate(site.url(PAGE).toString());
        page.evaluate("() => navigator.serviceWorker.ready");
        page.reload();
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        run(runner(0), "succeeded");

        context.setOffline(true);
        page.reload();
        Locator first = runner(0);
        run(first, "succeeded");
        assertThat(first.locator(".runner-output")).hasText(first.locator(".runner-expected code").textContent());
        context.setOffline(false);
    }

    /**
     * A real first visit: the page, the editor and Python are all fetched before the service
     * worker controls the page (nothing waits for it), so they pass it by; the page then has it
     * store them. Offline, the reloaded page still opens the editor and runs Python.
     */
    @Test
    void aFirstVisitWithOneRunWorksOfflineAfterwards() {
        page.navigate(site.url(PAGE).toString());
        Locator runner = runner(0);
        type(runner, "print('typed on the first visit')");
        run(runner, "succeeded");
        Object stored = page.evaluate("async () => { for (let i = 0; i < 600; i++) { const urls = [];"
                + " for (const key of await caches.keys()) urls.push(...(await (await caches.open(key)).keys()).map(r => r.url));"
                + " if (urls.some(u => u.includes('python-editor')) && urls.some(u => u.includes('pyodide.asm.wasm'))"
                + " && urls.some(u => u.includes('python-frame')) && urls.some(u => u.includes('python-worker'))) return true;"
                + " await new Promise(r => setTimeout(r, 100)); } return false; }");
        assertThat(stored).as("the editor, the frame, the Worker and Pyodide stored by the service worker within 60 s").isEqualTo(true);

        context.setOffline(true);
        page.reload();
        Locator again = runner(0);
        type(again, "print('and offline')");
        run(again, "succeeded");
        assertThat(again.locator(".runner-output")).hasText("and offline");
        context.setOffline(false);
    }

    /**
     * Pyodide is 13.5 MB: a new version of the site (any page changed) must not make a reader who
     * ran Python once download it again. Served from a copy of the site, whose service worker is
     * then changed as the next build would change it (its cache name); once the new version has
     * taken over and deleted the old version's cache, every large file still comes from the service
     * worker with the server gone.
     */
    @Test
    void aNewVersionOfTheSiteKeepsTheDownloadedPython(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        TestFiles.copyTree(site.dir, copy);
        try (PreviewServer server = new PreviewServer(copy, "127.0.0.1", 0, "/", false).start()) {
            String base = server.url().toString();
            page.navigate(base + PAGE);
            page.evaluate("() => navigator.serviceWorker.ready");
            page.reload();
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            run(runner(0), "succeeded");
            String oldCache = (String) page.evaluate("() => caches.keys().then(keys => keys.find(k => / [0-9a-f]+$/.test(k)))");
            assertThat(oldCache).startsWith("wasm-tutorial " + base + " ");
            @SuppressWarnings("unchecked")
            List<String> large = (List<String>) page.evaluate("() => caches.keys().then(keys => caches.open(keys.find(k => k.endsWith(' large-files'))))"
                    + ".then(c => c.keys()).then(rs => rs.map(r => r.url))");
            assertThat(large).as("large files stored on first use").anyMatch(url -> url.contains("assets/pyodide/pyodide.asm.wasm?content="));

            Path sw = copy.resolve("sw.js");
            String version = oldCache.substring(oldCache.lastIndexOf(' ') + 1);
            Files.writeString(sw, Files.readString(sw).replace("const CACHE = PREFIX + '" + version + "'", "const CACHE = PREFIX + '" + version + "0'"));
            page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())");
            Object replaced = page.evaluate("async old => { for (let i = 0; i < 600; i++) { const keys = await caches.keys();"
                    + " if (!keys.includes(old) && keys.includes(old + '0')) return true; await new Promise(r => setTimeout(r, 100)); } return false; }", oldCache);
            assertThat(replaced).as("the new version's cache in place of the old one within 60 s").isEqualTo(true);

            // The server goes away (so nothing can come from the network, whatever the browser's
            // offline emulation covers), and each request passes the browser's HTTP cache by: only
            // the service worker's caches can answer.
            server.close();
            for (String url : large) {
                String path = url.substring(base.length(), url.indexOf('?'));
                Object status = page.evaluate("path => fetch(path, { cache: 'no-store' }).then(r => r.status, e => 'failed: ' + e)", path);
                assertThat(status).as("fetch of %s with the server gone, after the new version took over", path).isEqualTo(200);
            }
        }
    }

    @Test
    void firstLoadStaysUnderTheWeightBudget() {
        page.navigate(site.url(PAGE).toString());
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Number bytes = (Number) page.evaluate("() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".reduce((sum, e) => sum + e.transferSize, 0)");
        System.out.printf("page weight: %s transferred %.1f KB on first load (budget 50 KB)%n", PAGE, bytes.doubleValue() / 1024);
        assertThat(bytes.doubleValue()).isPositive().isLessThan(50 * 1024);
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).noneMatch(url -> url.contains("pyodide") || url.contains("python-editor") || url.contains("python-worker")
                || url.contains("python-frame"));
    }
}
