package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Renders pages in parallel so that one page's failure, whatever it is, is that page's error.
 * Markdown and templates are parsed recursively (a quote in a quote in a quote …), so each
 * page runs on a thread with a large stack: deep but finite nesting renders, and what still
 * overflows (or exhausts memory) becomes a one-line error naming the page, not a thousand-line
 * trace. The first failing page in source order is reported, so the output does not depend on
 * thread timing.
 */
final class PageRenderPool {

    /** Reserved, not committed: renders 1,000 nested quotes and 2,000 nested list levels (measured), and overflows within seconds on endless template recursion. */
    static final long STACK_BYTES = 32L << 20;

    private PageRenderPool() {
    }

    static <T> List<T> render(List<Page> pages, Function<Page, T> task) {
        if (pages.isEmpty()) {
            return List.of();
        }
        AtomicInteger count = new AtomicInteger();
        int threads = Math.min(pages.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "page-render-" + count.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(pages.size());
            for (Page page : pages) {
                futures.add(pool.submit(() -> guarded(page, task)));
            }
            List<T> results = new ArrayList<>(pages.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering pages", e);
        } finally {
            // Pages already running finish before the build returns (they may still write the
            // render cache): a failed build leaves nothing behind that outlives it.
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T guarded(Page page, Function<Page, T> task) {
        try {
            return task.apply(page);
        } catch (BuildException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new BuildException(SourceLocation.of(page.display()),
                    "nesting too deep to render (quotes, lists, emphasis or brackets inside each other, or a template that includes itself)",
                    "flatten the nesting; if the page is fine, check its template for an include or macro that calls itself");
        } catch (OutOfMemoryError e) {
            throw new BuildException(SourceLocation.of(page.display()), "ran out of memory rendering this page",
                    "split the page, or give the build more memory (-Xmx)");
        } catch (RuntimeException e) {
            throw new IllegalStateException("while rendering " + page.display() + ": " + e, e);
        }
    }
}
