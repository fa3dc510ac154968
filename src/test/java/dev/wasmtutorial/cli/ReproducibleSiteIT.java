package dev.wasmtutorial.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two builds of the same project, each from an empty cache, publish the same bytes: with the
 * front end's post-process (highlighting, diagrams, the Pagefind search index) and the service
 * worker that names every file's hash, so an unchanged site deployed again changes nothing
 * readers' browsers hold.
 */
class ReproducibleSiteIT {

    private static final Path LAUNCHER = Path.of("target/wasm-tutorial").toAbsolutePath();

    @TempDir
    Path tmp;

    /** Where the builds write (see {@link #inMemoryWhereThereIsOne}). */
    private Path work;

    /**
     * In memory (tmpfs) where there is one: there a folder lists its files in the order they were
     * made, which differs between builds (pages are written as their render threads finish them),
     * and Pagefind's addDirectory numbered pages in that order. A disk file system such as ext4
     * lists them in an order of their names, which hid it.
     */
    @BeforeEach
    void inMemoryWhereThereIsOne() throws Exception {
        Path shm = Path.of("/dev/shm");
        work = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "reproducible-site") : tmp;
    }

    @AfterEach
    void removeWork() throws Exception {
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Path build(String name) throws Exception {
        Path out = work.resolve(name);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "build", "--skip-demo-build", "--out", out.toString(),
                "--reports", work.resolve(name + "-reports").toString(), "--cache", work.resolve(name + "-cache").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("search index of");
        return out;
    }

    private static Map<String, byte[]> files(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void twoBuildsOfTheSameProjectPublishTheSameBytes() throws Exception {
        Map<String, byte[]> first = files(build("first"));
        Map<String, byte[]> second = files(build("second"));
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        assertThat(first.keySet()).anyMatch(name -> name.startsWith("pagefind"));
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }
}
