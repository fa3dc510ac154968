package dev.wasmtutorial.cli;

import dev.wasmtutorial.check.LinkChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every internal link and #fragment of an already built site.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "The built site (default: ${DEFAULT-VALUE}).", defaultValue = "site")
    Path dir;

    @Option(names = "--base-path", description = "The path the site is served under, for root-relative links (default: ${DEFAULT-VALUE}).",
            defaultValue = "/")
    String basePath;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println(dir + ": error: no such folder (hint: build the site first: java -jar target/wasm-tutorial.jar build)");
            return Main.EXIT_BUILD_ERROR;
        }
        LinkChecker.Report report = LinkChecker.forFolder(dir, basePath).check();
        report.problems().forEach(p -> System.err.println(dir.resolve(p.page()) + ": error: broken link '" + p.href() + "': " + p.reason()));
        System.out.printf("checked %d links in %d pages: %d broken, %d external (not fetched)%n", report.linksChecked(),
                report.pagesChecked(), report.problems().size(), report.external().size());
        return report.problems().isEmpty() ? 0 : Main.EXIT_BUILD_ERROR;
    }
}
