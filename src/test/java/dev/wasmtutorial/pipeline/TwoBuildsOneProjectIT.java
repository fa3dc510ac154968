package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two generator processes building one project at once. Their stages write folders the project's
 * builds share (here the bundled assets in target/frontend/assets, which one build deleted while
 * the other bundled into it), so the second must wait for the first instead of failing.
 */
class TwoBuildsOneProjectIT {

    private static final Path JAR = Path.of("target/wasm-tutorial.jar").toAbsolutePath();

    /**
     * Stands in for the project's Node: "build.mjs assets SRC OUT" replaces OUT with a copy of SRC
     * as the real bundler does, taking 2 s, and fails if another bundler is writing OUT meanwhile;
     * "build.mjs postprocess" leaves the site as it is.
     */
    private static final String NODE = """
            #!/bin/sh
            [ "$2" = assets ] || exit 0
            mkdir -p "$(dirname "$4")"
            if ! mkdir "$4.busy" 2>/dev/null; then echo "error: another build is bundling into $4"; exit 1; fi
            rm -rf "$4" && mkdir -p "$4" && cp -R "$3"/. "$4"/
            sleep 2
            rmdir "$4.busy"
            """;

    @TempDir
    Path dir;

    @Test
    void theSecondBuildWaitsForTheFirstAndBothPublishTheWholeSite() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        TestProject project = new TestProject(dir.resolve("project"));
        installFrontEnd(project.root);
        Process alone = build(project.root, "alone");
        await(alone, "alone");
        var whole = TestProject.snapshot(project.root.resolve("site"));
        assertThat(whole).containsKey("assets/site.css");

        List<Process> both = List.of(build(project.root, "a"), build(project.root, "b"));
        await(both.get(0), "a");
        await(both.get(1), "b");
        assertThat(log("a") + log("b")).containsOnlyOnce("waiting for the other build (pid ");
        assertThat(TestProject.snapshot(project.root.resolve("site"))).isEqualTo(whole);
    }

    /** What FrontEnd looks for in a project: Node, build.mjs and node_modules. */
    private static void installFrontEnd(Path root) throws IOException {
        Path node = root.resolve("target/node/node");
        Files.createDirectories(node.getParent());
        Files.writeString(node, NODE);
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("src/main/frontend/node_modules"));
        Files.writeString(root.resolve("src/main/frontend/build.mjs"), "// not run: target/node/node stands in for Node\n");
    }

    private Process build(Path root, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(), "build", "--root",
                root.toString(), "--skip-demo-build", "--no-cache")
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private void await(Process process, String name) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        assertThat(process.exitValue()).as(name + ": " + log(name)).isZero();
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
    }
}
