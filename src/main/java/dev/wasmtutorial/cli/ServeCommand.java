package dev.wasmtutorial.cli;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.api.ApiLimits;
import dev.wasmtutorial.api.ExecutionApi;
import dev.wasmtutorial.serve.DevServer;
import dev.wasmtutorial.serve.EventStreams;
import dev.wasmtutorial.serve.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the built site on localhost; with --watch, rebuild on every edit and reload open pages.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "8000")
    int port;

    @Option(names = "--host", description = "Interface to bind (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--dir", description = "Site folder to serve (default: ROOT/site, or ROOT/target/dev-site with --watch).")
    Path dir;

    @Option(names = "--base-path", description = "Serve the site under this path, as a sub-path host would (default: ${DEFAULT-VALUE}).",
            defaultValue = "/")
    String basePath;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "Also answer requests addressed to this host name (repeatable); names other than localhost, "
                    + "127.0.0.1, [::1] and --host get 421 (a guard against DNS rebinding).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--watch", description = "Build, then rebuild on changes anywhere in the project (content, templates, demos, included files; not build output), and live-reload pages.")
    boolean watch;

    @Mixin
    ProjectOptions project;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() throws Exception {
        try {
            if (watch && api.enabled) {
                throw new BuildException(null, "--api and --watch cannot be combined yet", "build once, then run serve --api");
            }
            if (watch) {
                var config = project.toConfig();
                config = config.withOutDir(dir != null ? dir : config.projectRoot().resolve("target/dev-site"));
                try (DevServer dev = new DevServer(config, host, port, basePath, allowedHosts, project.demosDiscovered(), System.out)) {
                    System.out.println("serving " + config.display(config.outDir()) + " at " + dev.server().url()
                            + " (watching for changes; Ctrl+C to stop)");
                    dev.server().join();
                }
                return 0;
            }
            Path site = dir != null ? dir : project.toConfig().outDir();
            if (!Files.isDirectory(site)) {
                throw new BuildException(SourceLocation.of(site.toString()), "no built site to serve",
                        "build it first (./mvnw package, or java -jar target/wasm-tutorial.jar build), or use --watch");
            }
            ExecutionApi executionApi = api.create(host, project.toConfig().projectRoot());
            try (executionApi; PreviewServer server = new PreviewServer(site, host, port, basePath, false, allowedHosts,
                    new EventStreams(ApiLimits.defaults().maxStreams(), 15_000), executionApi).start()) {
                System.out.println("serving " + site + " at " + server.url() + (executionApi != null ? " with the execution API" : "")
                        + " (Ctrl+C to stop)");
                if (executionApi != null) {
                    executionApi.cCompilationOff().ifPresent(why -> System.out.println("warning: " + why));
                    executionApi.pythonOff().ifPresent(why -> System.out.println("warning: " + why));
                }
                server.join();
            }
            return 0;
        } catch (java.io.IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new BuildException(null, "port " + port + " is already in use", "pick another with --port, e.g. --port 8080");
            }
            throw e;
        }
    }
}
