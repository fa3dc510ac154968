package dev.wasmtutorial.cli;

import dev.wasmtutorial.pipeline.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Render content/ through templates/, build and validate the demos, check every link, and publish site/.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions options;

    @picocli.CommandLine.Option(names = "--timings", description = "Also print the time each stage took.")
    boolean timings;

    @Override
    public Integer call() {
        SiteBuilder.Summary summary = new SiteBuilder(options.toConfig(), System.out).build();
        System.out.println(summary.oneLine());
        if (timings) {
            System.out.println(summary.timings());
        }
        return 0;
    }
}
