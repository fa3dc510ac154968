package dev.wasmtutorial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher ./mvnw package put in target/, with the real Java and jar: the class-data archive
 * that package made is used, and an archive Java cannot use (stale, from another folder, missing)
 * changes nothing the user sees; bad input is still one line, also while an archive is being made.
 */
class LauncherIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String VERSION_LINE = "wasm-tutorial ";

    @TempDir
    Path tmp;

    record Run(int exit, String out) {
    }

    private static Run run(Path launcher, Map<String, String> env, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("WASM_TUTORIAL_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    /** The launcher and jar copied into a folder of their own (with their times), without the archive. */
    private Path copy() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("target"));
        for (String name : List.of("wasm-tutorial", "wasm-tutorial.jar")) {
            Files.copy(TARGET.resolve(name), target.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return target;
    }

    private static long sharedClassesOfOurs(String classLoadLog) {
        return classLoadLog.lines().filter(l -> l.contains(" dev.wasmtutorial.") && l.contains("source: shared objects file (top)")).count();
    }

    @Test
    void theArchivePackageMadeIsUsed() throws Exception {
        assertThat(TARGET.resolve("wasm-tutorial.jsa")).isRegularFile();
        Run plain = run(TARGET.resolve("wasm-tutorial"), Map.of(), tmp, "--version");
        assertThat(plain.exit()).isZero();
        assertThat(plain.out().lines()).singleElement().asString().startsWith(VERSION_LINE);
        Run logged = run(TARGET.resolve("wasm-tutorial"), Map.of("JAVA_OPTS", "-Xlog:class+load=info"), tmp, "--version");
        assertThat(sharedClassesOfOurs(logged.out())).isPositive();
    }

    @Test
    void anArchiveJavaCannotUseIsSilentlyIgnored() throws Exception {
        Path target = copy();
        Path launcher = target.resolve("wasm-tutorial");
        Path archive = target.resolve("wasm-tutorial.jsa");
        Path jar = target.resolve("wasm-tutorial.jar");

        Run made = run(launcher, Map.of("WASM_TUTORIAL_CREATE_ARCHIVE", "1"), tmp, "--version");
        assertThat(made.out().lines()).as("no CDS warnings while dumping").singleElement().asString().startsWith(VERSION_LINE);
        assertThat(archive).isRegularFile();
        assertThat(sharedClassesOfOurs(run(launcher, Map.of("JAVA_OPTS", "-Xlog:class+load=info"), tmp, "--version").out())).isPositive();

        // The jar changed after the archive was made (its time differs), yet the archive is still the newer file.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process direct = new ProcessBuilder(java, "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).start();
        assertThat(new String(direct.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("what Java 17 itself prints for a stale archive").contains("[warning][cds");
        direct.waitFor();
        Run stale = run(launcher, Map.of(), tmp, "--version");
        assertThat(stale.exit()).isZero();
        assertThat(stale.out().lines()).singleElement().asString().startsWith(VERSION_LINE);

        // The folder moved: the archive names another jar path.
        Path moved = Files.move(target, tmp.resolve("moved"));
        Run elsewhere = run(moved.resolve("wasm-tutorial"), Map.of(), tmp, "--version");
        assertThat(elsewhere.out().lines()).singleElement().asString().startsWith(VERSION_LINE);

        Files.delete(moved.resolve("wasm-tutorial.jsa"));
        Run missing = run(moved.resolve("wasm-tutorial"), Map.of(), tmp, "--version");
        assertThat(missing.exit()).isZero();
        assertThat(missing.out().lines()).singleElement().asString().startsWith(VERSION_LINE);
    }

    @Test
    void badInputIsOneLineAndLeavesNoArchiveWhenBuiltAsMavenDoes() throws Exception {
        Path target = copy();
        Path project = Files.createDirectories(tmp.resolve("project/content"));
        Files.writeString(project.resolve("index.md"), "---\ntitle: A\ndescription: D.\ntext\n");
        Run run = run(target.resolve("wasm-tutorial"), Map.of("WASM_TUTORIAL_CREATE_ARCHIVE", "1"), project.getParent(),
                "build", "--no-demos");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> !l.startsWith("note: "))).singleElement().asString()
                .startsWith("content/index.md:1: error: front matter is not closed (hint: ");
        assertThat(target.resolve("wasm-tutorial.jsa")).doesNotExist();
    }
}
