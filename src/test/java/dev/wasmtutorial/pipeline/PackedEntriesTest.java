package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PackedEntriesTest {

    @TempDir
    Path dir;

    private PackedEntries packs() {
        return new PackedEntries(dir, "test 1", "gen-1");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private List<Path> packFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("pack-")).sorted().toList();
        }
    }

    @Test
    void aBuildWritesOnePackThatTheNextBuildReads() throws IOException {
        PackedEntries first = packs();
        assertThat(first.get("a")).isNull();
        for (int i = 0; i < 500; i++) {
            first.put("page-" + i, bytes("html of " + i));
        }
        first.finish(true);
        assertThat(packFiles()).hasSize(1);
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.count()).as("no temporary file left").isEqualTo(1);
        }

        PackedEntries second = packs();
        assertThat(text(second.get("page-0"))).isEqualTo("html of 0");
        assertThat(text(second.get("page-499"))).isEqualTo("html of 499");
        assertThat(second.get("page-500")).isNull();
        second.finish(true);
    }

    @Test
    void theNewestCopyWinsAndOldPacksAreCompactedAway() throws IOException {
        String big = "x".repeat(100_000);
        for (int build = 0; build < 30; build++) {
            PackedEntries packs = packs();
            for (int i = 0; i < 20; i++) {
                byte[] kept = packs.get("page-" + i);
                if (i == build % 20 || kept == null) {
                    packs.put("page-" + i, bytes(big + " build " + build));
                }
            }
            packs.finish(true);
            assertThat(packFiles().size()).as("packs after build %d", build).isLessThanOrEqualTo(8);
        }
        PackedEntries last = packs();
        assertThat(text(last.get("page-9"))).endsWith(" build 29");
        assertThat(text(last.get("page-19"))).endsWith(" build 19");
        assertThat(text(last.get("page-0"))).endsWith(" build 20");
        last.finish(true);
        long onDisk = 0;
        for (Path p : packFiles()) {
            onDisk += Files.size(p);
        }
        assertThat(onDisk).as("dead copies do not pile up").isLessThan(2L * 20 * 100_000 + (1 << 20) + 20 * 100_000);
    }

    @Test
    void entriesACompleteBuildDidNotAskForAreDroppedAtCompactionButNotAfterAnIncompleteOne() throws IOException {
        PackedEntries first = packs();
        first.put("gone", bytes("x".repeat(3 << 20)));
        first.put("stays", bytes("small"));
        first.finish(true);

        PackedEntries partial = packs();
        partial.put("stays", bytes("small again"));
        partial.finish(false);
        PackedEntries check = packs();
        assertThat(check.get("gone")).as("an incomplete build drops nothing").isNotNull();
        check.close();

        PackedEntries complete = packs();
        assertThat(text(complete.get("stays"))).isEqualTo("small again");
        complete.finish(true);
        assertThat(packFiles()).hasSize(1);
        PackedEntries after = packs();
        assertThat(after.get("gone")).isNull();
        assertThat(text(after.get("stays"))).isEqualTo("small again");
        after.close();
    }

    @Test
    void aDamagedTornOrForeignPackOnlyCostsMakingTheEntriesAgain() throws IOException {
        PackedEntries first = packs();
        first.put("a", bytes("alpha alpha alpha"));
        first.put("b", bytes("beta beta beta"));
        first.finish(true);
        Path pack = packFiles().get(0);

        // One byte flipped inside entry a: a is not served, b still is.
        byte[] content = Files.readAllBytes(pack);
        int at = new String(content, StandardCharsets.ISO_8859_1).indexOf("alpha");
        try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
            file.seek(at + 2);
            file.write('A');
        }
        PackedEntries damaged = packs();
        assertThat(damaged.get("a")).isNull();
        assertThat(text(damaged.get("b"))).isEqualTo("beta beta beta");
        damaged.close();

        // Torn: no trailer, nothing read from it.
        Files.write(pack, java.util.Arrays.copyOf(content, content.length - 5));
        PackedEntries torn = packs();
        assertThat(torn.get("b")).isNull();
        torn.put("b", bytes("beta again"));
        torn.finish(true);
        assertThat(packFiles()).as("the unreadable pack is deleted").doesNotContain(pack).hasSize(1);

        // Another generator's packs are not read.
        PackedEntries other = new PackedEntries(dir, "test 1", "gen-2");
        assertThat(other.get("b")).isNull();
        other.close();
        PackedEntries otherFormat = new PackedEntries(dir, "test 2", "gen-1");
        assertThat(otherFormat.get("b")).isNull();
        otherFormat.close();
        assertThat(text(packs().get("b"))).isEqualTo("beta again");
    }

    @Test
    void aPackLeftHalfWrittenByADeadProcessIsDeletedAtCompactionOnceItIsOld() throws IOException {
        Path stale = dir.resolve("pack123.tmp");
        Path fresh = dir.resolve("pack456.tmp");
        Files.writeString(stale, "half a pack");
        Files.writeString(fresh, "another build is writing this one");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000));
        for (int build = 0; build < 10; build++) { // enough packs to compact
            PackedEntries packs = packs();
            packs.get("a");
            packs.put("a", bytes("build " + build));
            packs.finish(true);
        }
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(text(packs().get("a"))).isEqualTo("build 9");
    }

    @Test
    void parallelWritersAllLand() throws Exception {
        PackedEntries packs = packs();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, 2000)
                    .<Future<?>>mapToObj(i -> pool.submit(() -> packs.put("p" + i, bytes("entry " + i + " " + "y".repeat(i % 97))))).toList();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        packs.finish(true);
        PackedEntries read = packs();
        for (int i = 0; i < 2000; i++) {
            assertThat(text(read.get("p" + i))).isEqualTo("entry " + i + " " + "y".repeat(i % 97));
        }
        read.close();
    }

    @Test
    void closingWithoutFinishingKeepsNothingOfThatBuild() throws IOException {
        PackedEntries packs = packs();
        packs.put("a", bytes("alpha"));
        packs.close();
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.toList()).isEmpty();
        }
    }
}
