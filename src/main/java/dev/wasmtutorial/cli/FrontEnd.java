package dev.wasmtutorial.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project's front-end build, where {@code ./mvnw package} leaves it: Node in
 * {@code target/node/node}, the npm packages in {@code src/main/frontend/node_modules}, and
 * {@code build.mjs}, which bundles the assets and post-processes the staged site (highlighting,
 * search index). Every way of building uses it when it is there, so they all publish the same site.
 */
record FrontEnd(Path node, Path script, Path bundledAssets) {

    static final String NODE = "target/node/node";
    static final String SCRIPT = "src/main/frontend/build.mjs";
    static final String MODULES = "src/main/frontend/node_modules";
    static final String BUNDLED_ASSETS = "target/frontend/assets";

    /** The front end of the project at {@code root}, or empty (with one line saying what is skipped and how to get it). */
    static Optional<FrontEnd> find(Path root, PrintStream log) {
        Path node = root.resolve(NODE);
        Path script = root.resolve(SCRIPT);
        if (Files.isExecutable(node) && Files.isRegularFile(script) && Files.isDirectory(root.resolve(MODULES))) {
            return Optional.of(new FrontEnd(node, script, root.resolve(BUNDLED_ASSETS)));
        }
        String missing = !Files.isRegularFile(script) ? SCRIPT : !Files.isExecutable(node) ? NODE : MODULES;
        log.println("note: no front-end build (" + missing + " is missing): publishing the templates' assets unbundled, "
                + "without build-time highlighting or a search index; run ./mvnw package once to install Node and the npm "
                + "packages, or pass --assets and --post-process");
        return Optional.empty();
    }

    List<String> assetsCommand() {
        return List.of(node.toString(), script.toString(), "assets");
    }

    List<String> postProcessCommand() {
        return List.of(node.toString(), script.toString(), "postprocess");
    }
}
