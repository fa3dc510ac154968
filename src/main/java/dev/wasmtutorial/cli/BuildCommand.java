package dev.wasmtutorial.cli;

import dev.wasmtutorial.pipeline.GeneratorFingerprint;
import dev.wasmtutorial.pipeline.RenderCache;
import dev.wasmtutorial.pipeline.SiteBuilder;
import dev.wasmtutorial.config.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Render content/ through templates/, build and validate the demos, check every link, and publish site/.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions options;

    @picocli.CommandLine.Option(names = "--timings", description = "Also print the time each stage took.")
    boolean timings;

    @picocli.CommandLine.Option(names = "--cache", paramLabel = "DIR",
            description = "Where rendered pages are kept for the next build (default: ROOT/target/build-cache; safe to delete).")
    Path cache;

    @picocli.CommandLine.Option(names = "--no-cache", description = "Render every page; neither read nor write the build cache.")
    boolean noCache;

    @Override
    public Integer call() {
        SiteConfig config = options.toConfig();
        Path cacheDir = cache != null ? cache : config.projectRoot().resolve("target/build-cache/render");
        RenderCache renderCache = noCache ? null : new RenderCache(cacheDir, GeneratorFingerprint.get(cacheDir));
        SiteBuilder.Summary summary = new SiteBuilder(config, System.out, renderCache, null).build();
        System.out.println(summary.oneLine());
        if (timings) {
            System.out.println(summary.timings());
        }
        return 0;
    }
}
