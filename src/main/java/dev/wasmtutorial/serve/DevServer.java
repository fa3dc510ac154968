package dev.wasmtutorial.serve;

import dev.wasmtutorial.pipeline.RenderCache;
import dev.wasmtutorial.pipeline.SiteBuilder;
import dev.wasmtutorial.wasm.ValidationCache;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code serve --watch}: build once, serve, and on every settled batch of edits rebuild and tell
 * open pages to reload. Demo build scripts (and the front-end bundle) run only when their own
 * files changed, or when the build that last needed them failed. A failed build, the first one
 * included, prints its one-line error, shows it over the open pages and keeps serving the last
 * good site; the server stays up, waiting for the fix.
 */
public final class DevServer implements AutoCloseable {

    private final SiteConfig config;
    private final PrintStream log;
    private final PreviewServer server;
    private final SiteWatcher watcher;
    private volatile long lastRebuildMillis = -1;
    private volatile int rebuilds;
    /** Kept for the whole session: unchanged pages and modules are not rendered or run again. */
    private final RenderCache renderCache = new RenderCache();
    private final ValidationCache validationCache = new ValidationCache();
    /**
     * Whether the demo scripts or the asset bundle still have to run: set when a build that ran
     * them failed, so the next rebuild cannot publish a module or bundle from before the error.
     */
    private boolean demosOwed;
    private boolean assetsOwed;

    public DevServer(SiteConfig config, String host, int port, String contextPath, PrintStream log) throws Exception {
        this(config, host, port, contextPath, List.of(), log);
    }

    /** @param allowedHosts host names accepted besides localhost, the loopback addresses and {@code host} */
    public DevServer(SiteConfig config, String host, int port, String contextPath, List<String> allowedHosts,
                     PrintStream log) throws Exception {
        this.config = config.toBuilder().extraScript(LiveReload.CLIENT).build();
        this.log = log;
        String firstError = null;
        try {
            new SiteBuilder(this.config, log, renderCache, validationCache).build();
        } catch (BuildException e) {
            firstError = e.oneLine();
            log.println(firstError);
            log.println("(serving the last good build, if any, from " + this.config.outDir() + "; fix the error and save: the site is rebuilt)");
            demosOwed = this.config.buildDemos();
            assetsOwed = !this.config.assetsBuild().isEmpty();
            Files.createDirectories(this.config.outDir());
        }
        this.server = new PreviewServer(this.config.outDir(), host, port, contextPath, true, allowedHosts).start();
        if (firstError != null) {
            server.liveReload().buildFailed(firstError);
        }
        List<Path> roots = new ArrayList<>(List.of(config.contentDir(), config.templatesDir()));
        roots.addAll(config.demoDirs());
        this.watcher = new SiteWatcher(roots, this::rebuild);
        this.watcher.start();
    }

    public PreviewServer server() {
        return server;
    }

    /** How long the last rebuild took, or -1 before the first one. */
    public long lastRebuildMillis() {
        return lastRebuildMillis;
    }

    public int rebuilds() {
        return rebuilds;
    }

    /** The last successful rebuild's summary, or null before the first one. */
    public SiteBuilder.Summary lastSummary() {
        return lastSummary;
    }

    private volatile SiteBuilder.Summary lastSummary;

    private void rebuild(Set<Path> changed) {
        boolean demoChanged = demosOwed || changed.stream().anyMatch(p -> config.demoDirs().stream().anyMatch(p::startsWith));
        boolean assetsChanged = assetsOwed || changed.stream().anyMatch(p -> p.startsWith(config.assetSources()));
        demosOwed = demoChanged; // until this build succeeds
        assetsOwed = assetsChanged;
        long start = System.nanoTime();
        try {
            SiteBuilder.Summary summary = new SiteBuilder(config.toBuilder().buildDemos(demoChanged)
                    .assetsBuild(assetsChanged ? config.assetsBuild() : List.of()).build(), log, renderCache, validationCache).build();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            rebuilds++;
            lastSummary = summary;
            demosOwed = false;
            assetsOwed = false;
            log.printf("rebuilt in %d ms (%d file(s) changed%s; rendered %d of %d pages, ran %d of %d modules)%n",
                    lastRebuildMillis, changed.size(), demoChanged ? ", demo scripts run" : "",
                    summary.pagesRendered(), summary.pages(), summary.modulesValidated(), summary.modules());
            server.liveReload().reload();
        } catch (BuildException e) {
            log.println(e.oneLine());
            log.println("(still serving the last good build)");
            server.liveReload().buildFailed(e.oneLine());
        } catch (RuntimeException e) {
            log.println("rebuild failed: " + e);
            server.liveReload().buildFailed("rebuild failed: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        watcher.close();
        server.close();
    }
}
