package dev.wasmtutorial.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher script (src/main/launcher/wasm-tutorial, copied beside the jar by ./mvnw package),
 * run with a stand-in {@code java} that prints the arguments it was given, one per line: which JVM
 * options each command gets, and when the class-data archive is used or made. (LauncherIT runs
 * it with the real Java and jar.)
 */
class LauncherTest {

    private static final String SHORT_LIVED = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @TempDir
    Path tmp;

    private Path target;
    private Path launcher;
    private Path javaHome;

    record Run(int exit, String out, String err) {
        List<String> args() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        target = Files.createDirectories(tmp.resolve("my project/target")); // a space in the path, as users have
        launcher = Files.copy(Path.of("src/main/launcher/wasm-tutorial"), target.resolve("wasm-tutorial"));
        executable(launcher);
        Files.writeString(target.resolve("wasm-tutorial.jar"), "jar");
        Files.setLastModifiedTime(target.resolve("wasm-tutorial.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        javaHome = tmp.resolve("a jdk");
        // Prints its arguments; when asked to write an archive, writes one (and fails if FAIL is set).
        script(javaHome.resolve("bin/java"), """
                #!/bin/sh
                for a in "$@"; do
                  printf '%s\\n' "$a"
                  case $a in -XX:ArchiveClassesAtExit=*) printf 'archive' >"${a#-XX:ArchiveClassesAtExit=}" ;; esac
                done
                exit "${FAIL:-0}"
                """);
    }

    private static void executable(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void script(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        executable(file);
    }

    private Run run(Path command, Map<String, String> env, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).directory(tmp.toFile()); // not the launcher's folder
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("WASM_TUTORIAL_OPTS");
        builder.environment().remove("WASM_TUTORIAL_CREATE_ARCHIVE");
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private Run run(String... args) throws Exception {
        return run(launcher, Map.of(), args);
    }

    private String jar() {
        return target.resolve("wasm-tutorial.jar").toString();
    }

    private List<String> expected(String options, String... args) {
        List<String> list = new ArrayList<>(options.isEmpty() ? List.of() : List.of(options.split(" ")));
        list.addAll(List.of("-jar", jar()));
        list.addAll(List.of(args));
        return list;
    }

    @Test
    void shortLivedCommandsGetTheQuickJitAndTheSerialCollector() throws Exception {
        for (String[] args : List.of(new String[] {"build", "--out", "a folder"}, new String[] {"check", "--dir", "site"},
                new String[] {"--version"}, new String[] {"--help"}, new String[] {"help", "serve"}, new String[] {})) {
            Run run = run(args);
            assertThat(run.exit()).isZero();
            assertThat(run.args()).isEqualTo(expected(SHORT_LIVED, args));
        }
    }

    @Test
    void serveKeepsTheJvmDefaultsButReturnsMemoryWhenIdle() throws Exception {
        assertThat(run("serve", "--watch").args()).isEqualTo(expected("-XX:G1PeriodicGCInterval=30000", "serve", "--watch"));
        assertThat(run("serve", "--api").args()).isEqualTo(expected("-XX:G1PeriodicGCInterval=30000", "serve", "--api"));
    }

    @Test
    void theUsersOptionsComeAfterTheLaunchersAndAreNotExpanded() throws Exception {
        Files.writeString(tmp.resolve("match-me"), "");
        Run run = run(launcher, Map.of("JAVA_OPTS", "-Xmx1g  -Dglob=*", "WASM_TUTORIAL_OPTS", "-XX:TieredStopAtLevel=4"), "build");
        assertThat(run.args()).isEqualTo(expected(SHORT_LIVED + " -Xmx1g -Dglob=* -XX:TieredStopAtLevel=4", "build"));
    }

    @Test
    void worksThroughASymbolicLinkFromAnyFolder() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("bin dir")).resolve("wt"), launcher);
        assertThat(run(link, Map.of(), "build").args()).isEqualTo(expected(SHORT_LIVED, "build"));
    }

    @Test
    void findsJavaOnThePathWithoutJavaHome() throws Exception {
        Run run = run(launcher, Map.of("JAVA_HOME", "", "PATH", javaHome.resolve("bin") + ":/usr/bin:/bin"), "check");
        assertThat(run.args()).isEqualTo(expected(SHORT_LIVED, "check"));
    }

    @Test
    void aJavaHomeWithoutJavaIsOneLineAndExitOne() throws Exception {
        Run run = run(launcher, Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()), "build");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("error: JAVA_HOME is '" + tmp.resolve("nowhere") + "' but it has no bin/java (hint:");
    }

    @Test
    void theArchiveIsUsedOnlyWhileNewerThanTheJarAndItsWarningsAreSilenced() throws Exception {
        Path archive = target.resolve("wasm-tutorial.jsa");
        Files.writeString(archive, "archive");
        List<String> withArchive = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"));
        withArchive.addAll(expected(SHORT_LIVED, "build"));
        assertThat(run("build").args()).isEqualTo(withArchive);

        Files.setLastModifiedTime(target.resolve("wasm-tutorial.jar"), FileTime.from(Instant.now())); // the jar was rebuilt since
        assertThat(run("build").args()).isEqualTo(expected(SHORT_LIVED, "build"));
    }

    @Test
    void aSuccessfulRunMakesTheArchiveAFailedOneRemovesIt() throws Exception {
        Path archive = target.resolve("wasm-tutorial.jsa");
        Run made = run(launcher, Map.of("WASM_TUTORIAL_CREATE_ARCHIVE", "1"), "build");
        assertThat(made.exit()).isZero();
        assertThat(made.args()).contains("-Xlog:cds*=off").anySatisfy(a -> assertThat(a).startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(archive).hasContent("archive");

        Run failed = run(launcher, Map.of("WASM_TUTORIAL_CREATE_ARCHIVE", "1", "FAIL", "1"), "build");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(archive).doesNotExist(); // an archive of the previous jar must not outlive a failed build
        try (var files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("wasm-tutorial", "wasm-tutorial.jar");
        }
    }
}
