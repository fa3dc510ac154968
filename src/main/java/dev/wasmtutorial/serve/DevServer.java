package dev.wasmtutorial.serve;

import dev.wasmtutorial.pipeline.RenderCache;
import dev.wasmtutorial.pipeline.SiteBuilder;
import dev.wasmtutorial.wasm.DemoFolders;
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

    /** Changed by rebuilds only (the watcher's one thread), when the project's demo folders change. */
    private volatile SiteConfig config;
    private final boolean discoverDemos;
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
        this(config, host, port, contextPath, List.of(), false, log);
    }

    /**
     * @param allowedHosts  host names accepted besides localhost, the loopback addresses and {@code host}
     * @param discoverDemos whether the demos are the project's folders with a checks file (then a
     *                      folder that gains or loses one is published or dropped at the next
     *                      rebuild), rather than the ones the author named
     */
    public DevServer(SiteConfig config, String host, int port, String contextPath, List<String> allowedHosts,
                     boolean discoverDemos, PrintStream log) throws Exception {
        this.config = config.toBuilder().extraScript(LiveReload.CLIENT).build();
        this.discoverDemos = discoverDemos;
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
        // The whole project (content, templates, demos, included files, folders that become demos),
        // and the content and templates folders wherever they are; never what builds write.
        List<Path> roots = new ArrayList<>(List.of(config.projectRoot(), config.contentDir(), config.templatesDir()));
        roots.addAll(config.demoDirs());
        List<Path> output = List.of(this.config.outDir(), config.reportsDir(), config.projectRoot().resolve("site"));
        this.watcher = new SiteWatcher(roots, output, this::rebuild);
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
        boolean demosAddedOrGone = false;
        if (discoverDemos) {
            List<Path> demos = DemoFolders.discover(this.config.projectRoot());
            if (!demos.equals(this.config.demoDirs())) {
                log.println("demo folders now: " + demos.stream().map(d -> d.getFileName().toString()).toList());
                this.config = this.config.toBuilder().demoDirs(demos).build();
                demosAddedOrGone = true;
            }
        }
        SiteConfig config = this.config;
        boolean demoChanged = demosOwed || demosAddedOrGone
                || changed.stream().anyMatch(p -> config.demoDirs().stream().anyMatch(p::startsWith));
        boolean assetsChanged = assetsOwed || changed.stream().anyMatch(p -> p.startsWith(config.assetSources()));
        demosOwed = demoChanged; // until this build succeeds
        assetsOwed = assetsChanged;
        long start = System.nanoTime();
        try {
            SiteBuilder.Summary summary = new SiteBuilder(config.toBuilder().buildDemos(config.buildDemos() && demoChanged)
                    .assetsBuild(assetsChanged ? config.assetsBuild() : List.of()).build(), log, renderCache, validationCache).build();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            rebuilds++;
            lastSummary = summary;
            demosOwed = false;
            assetsOwed = false;
            log.printf("rebuilt in %d ms (%d file(s) changed%s; rendered %d of %d pages, ran %d of %d modules%s)%n",
                    lastRebuildMillis, changed.size(), config.buildDemos() && demoChanged ? ", demo scripts run" : "",
                    summary.pagesRendered(), summary.pages(), summary.modulesValidated(), summary.modules(),
                    summary.siteUnchanged() ? "; the site is unchanged" : "");
            // A change that altered nothing on the site (a README, a comment in a script) does not
            // reload the pages, unless they show an error that this build fixed.
            if (!summary.siteUnchanged() || server.liveReload().showsError()) {
                server.liveReload().reload();
            }
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
