import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * First Run of a live Python example, in headless Chromium against a served site: time from the
 * click to the first output, cold (fresh browser profile) and warm (same profile, page reloaded,
 * Pyodide answered by the service worker's cache), and the bytes transferred on the cold Run.
 * Run by bench/python-first-run.sh.
 */
public class PythonFirstRun {

    public static void main(String[] args) {
        String url = args[0];
        int runs = Integer.parseInt(args[1]);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            for (int i = 1; i <= runs; i++) {
                try (BrowserContext context = browser.newContext()) {
                    Page page = context.newPage();
                    List<com.microsoft.playwright.Request> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
                    context.onRequestFinished(finished::add);
                    page.navigate(url);
                    page.evaluate("() => navigator.serviceWorker.ready");
                    page.reload();
                    page.waitForFunction("() => navigator.serviceWorker.controller !== null");
                    finished.clear();
                    double cold = timeToOutput(page);
                    page.waitForFunction("() => document.querySelector('[data-python-runner]').dataset.state === 'succeeded'");
                    long coldBytes = 0;
                    for (var request : finished) {
                        var sizes = request.sizes();
                        coldBytes += sizes.responseBodySize + sizes.responseHeadersSize;
                    }
                    page.reload();
                    page.waitForFunction("() => navigator.serviceWorker.controller !== null");
                    double warm = timeToOutput(page);
                    Number load = (Number) page.evaluate("() => pythonEngine.ready.then((r) => r.loadMs)");
                    // Where the warm time goes: Python's files fetched by the page (from the service
                    // worker's cache), then loading them in the sandboxed Worker (import, compile,
                    // standard library, start), then the rest (frame start, messages, the run).
                    Number fetch = (Number) page.evaluate("() => { const e = performance.getEntriesByType('resource')"
                            + ".filter(r => /\\/pyodide\\/|python-worker|python-frame/.test(r.name));"
                            + " return e.length ? Math.max(...e.map(r => r.responseEnd)) - Math.min(...e.map(r => r.startTime)) : 0; }");
                    long pyodideRequests = finished.stream().filter(r -> r.url().contains("/pyodide/")).count();
                    System.out.printf("run %d: %d requests after the click, %d of them for Pyodide's files%n", i, finished.size(), pyodideRequests);
                    System.out.printf("run %d: cold %.0f ms to first output, %.1f MB transferred; warm (service worker cache) %.0f ms: "
                                    + "fetching Python's files %.0f ms, loading Pyodide %d ms, the rest %.0f ms%n",
                            i, cold, coldBytes / 1048576.0, warm, fetch.doubleValue(), load.longValue(), warm - fetch.doubleValue() - load.longValue());
                }
            }
        }
    }

    /** Milliseconds from clicking Run on the first example to its first output, measured in the page. */
    private static double timeToOutput(Page page) {
        return ((Number) page.evaluate("""
                () => new Promise((resolve) => {
                  const runner = document.querySelector('[data-python-runner]');
                  const output = runner.querySelector('.runner-output');
                  const started = performance.now();
                  new MutationObserver((_, observer) => {
                    if (output.textContent.length > 0) { observer.disconnect(); resolve(performance.now() - started); }
                  }).observe(output, { childList: true, characterData: true, subtree: true });
                  runner.querySelector('.runner-run').click();
                })""")).doubleValue();
    }
}
