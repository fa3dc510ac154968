package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.SitePaths;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceTree;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For each demo folder: read its checks file, run its build script (unless told not to), and
 * validate every module it will publish. A {@code .wasm} in the demo that no check covers is
 * an error too: nothing unproven reaches the site.
 */
public final class DemoStage {

    /** One validated demo: its folder and the outcome of each module, in checks-file order. */
    public record DemoResult(Path dir, String name, List<ModuleValidator.Outcome> modules) {
    }

    private final SiteConfig config;
    private final PrintStream log;
    private final ValidationCache cache;

    public DemoStage(SiteConfig config, PrintStream log) {
        this(config, log, null);
    }

    /** @param cache results to reuse for unchanged modules (serve --watch), or null to run every module */
    public DemoStage(SiteConfig config, PrintStream log, ValidationCache cache) {
        this.config = config;
        this.log = log;
        this.cache = cache;
    }

    public List<DemoResult> run() {
        List<DemoResult> results = new ArrayList<>();
        for (Path dir : config.demoDirs()) {
            results.add(runDemo(dir));
        }
        return results;
    }

    private DemoResult runDemo(Path dir) {
        Path checksPath = dir.resolve(ChecksFileParser.FILE_NAME);
        String checksDisplay = config.display(checksPath);
        if (!Files.isRegularFile(checksPath)) {
            throw new BuildException(SourceLocation.of(checksDisplay), "demo has no checks file",
                    "every demo declares what its modules must do in " + ChecksFileParser.FILE_NAME);
        }
        ChecksFile checks = ChecksFileParser.parse(checksPath, checksDisplay);
        if (config.buildDemos() && checks.build() != null) {
            Path script = dir.resolve(checks.build()).normalize();
            log.println("demo " + dir.getFileName() + ": bash " + config.display(script));
            new DemoScriptRunner(log).run(script, config.display(script));
        }
        Set<String> declared = checks.modules().stream().map(m -> normalize(m.file())).collect(Collectors.toCollection(TreeSet::new));
        for (String found : wasmFiles(dir)) {
            if (!declared.contains(found)) {
                throw new BuildException(SourceLocation.of(config.display(dir.resolve(found))), "module has no checks and would be published unproven",
                        "add it under 'modules:' in " + checksDisplay + " or remove it");
            }
        }
        ModuleValidator validator = new ModuleValidator();
        List<ModuleValidator.Outcome> outcomes = new ArrayList<>();
        for (ChecksFile.ModuleChecks spec : checks.modules()) {
            Path wasm = dir.resolve(spec.file()).normalize();
            String display = config.display(wasm);
            try {
                ValidationCache.Result result = cache == null
                        ? new ValidationCache.Result(validator.validate(wasm, display, spec), false)
                        : cache.validate(validator, wasm, display, spec);
                ModuleValidator.Outcome outcome = result.outcome();
                if (!result.reused()) {
                    log.printf("validated %s: %d check(s) passed in %d ms%n", display, spec.checks().size(), outcome.millis());
                }
                outcomes.add(outcome);
            } catch (ValidationFailure failure) {
                throw new BuildException(SourceLocation.of(display),
                        "check \"" + failure.check() + "\" failed: expected " + failure.expected() + ", actual " + failure.actual(),
                        "fix the C source or the module's entry in " + checksDisplay);
            }
        }
        return new DemoResult(dir, dir.getFileName().toString(), List.copyOf(outcomes));
    }

    private static String normalize(String path) {
        return SitePaths.slashes(Path.of(path).normalize());
    }

    /** The modules the demo would publish: hidden files are never published, so they need no checks. */
    private static List<String> wasmFiles(Path dir) {
        return SourceTree.files(dir).stream().filter(p -> p.toString().endsWith(".wasm")).map(p -> SitePaths.slashes(dir.relativize(p))).toList();
    }
}
