package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's fingerprint, and the memo that spares hashing its jar on every build. */
class GeneratorFingerprintTest {

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minusSeconds(3600));

    @TempDir
    Path tmp;

    /** A jar with {@code text} as its bytes, last modified an hour ago and older than the memo's margin. */
    private Path jar(String text) throws Exception {
        Path jar = tmp.resolve("generator.jar");
        Files.writeString(jar, text);
        Files.setLastModifiedTime(jar, AN_HOUR_AGO);
        Thread.sleep(150); // the change time (ctime) must be older than the memo's 100 ms margin too
        return jar;
    }

    private Path memoDir() {
        return tmp.resolve("cache");
    }

    private Path memoFile() throws IOException {
        try (Stream<Path> files = Files.list(memoDir())) {
            List<Path> memos = files.toList();
            assertThat(memos).hasSize(1);
            return memos.get(0);
        }
    }

    @Test
    void aJarIsFingerprintedByTheSha256OfItsBytesAndRemembered() throws Exception {
        Path jar = jar("version one");
        String fingerprint = GeneratorFingerprint.of(jar, memoDir());
        assertThat(fingerprint).isEqualTo(Hashes.sha256Hex("version one".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(memoFile())).contains(fingerprint).contains(jar.toAbsolutePath().toString());
        assertThat(GeneratorFingerprint.of(jar, memoDir())).isEqualTo(fingerprint);
    }

    @Test
    void theMemoIsWhatASecondBuildReads() throws Exception {
        Path jar = jar("version one");
        GeneratorFingerprint.of(jar, memoDir());
        // A memo rewritten consistently (its checksum too) for a made-up hash: the proof it is read instead of the jar.
        List<String> lines = new ArrayList<>(Files.readAllLines(memoFile()));
        String madeUp = "ab".repeat(32);
        lines.set(3, madeUp);
        lines.set(4, Hashes.sha256Hex(String.join("\n", lines.subList(0, 4))));
        Files.write(memoFile(), lines);
        assertThat(GeneratorFingerprint.of(jar, memoDir())).isEqualTo(madeUp);
    }

    @Test
    void aChangedJarGetsANewFingerprintEvenWithTheSameSizeAndModificationTime() throws Exception {
        Path jar = jar("version one");
        String first = GeneratorFingerprint.of(jar, memoDir());
        Files.writeString(jar, "version two"); // same length
        Files.setLastModifiedTime(jar, AN_HOUR_AGO); // what cp -p or touch -r could do; the change time still moves
        String second = GeneratorFingerprint.of(jar, memoDir());
        assertThat(second).isNotEqualTo(first).isEqualTo(Hashes.sha256Hex("version two".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aJarOfAnotherSizeGetsANewFingerprint() throws Exception {
        Path jar = jar("version one");
        String first = GeneratorFingerprint.of(jar, memoDir());
        jar("version one, rebuilt");
        assertThat(GeneratorFingerprint.of(jar, memoDir())).isNotEqualTo(first)
                .isEqualTo(Hashes.sha256Hex("version one, rebuilt".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCorruptMemoIsNeverTrustedAndIsRewritten() throws Exception {
        Path jar = jar("version one");
        String real = GeneratorFingerprint.of(jar, memoDir());
        Path memo = memoFile();
        String good = Files.readString(memo);
        List<String> corruptions = List.of(
                good.replace(real, "ab".repeat(32)), // another hash, checksum not matching
                good.substring(0, good.length() / 2), // torn write
                "", "garbage\n");
        for (String corrupt : corruptions) {
            Files.writeString(memo, corrupt);
            assertThat(GeneratorFingerprint.of(jar, memoDir())).as(corrupt).isEqualTo(real);
            assertThat(Files.readString(memo)).as("rewritten after %s", corrupt).isEqualTo(good);
        }
    }

    @Test
    void aJarWrittenJustNowIsHashedButNotRemembered() throws Exception {
        Path jar = tmp.resolve("generator.jar");
        Files.writeString(jar, "fresh");
        // Rewritten within the same clock tick, it could keep its size and times: hash it again next time.
        assertThat(GeneratorFingerprint.of(jar, memoDir())).isEqualTo(Hashes.sha256Hex("fresh".getBytes(StandardCharsets.UTF_8)));
        assertThat(memoDir()).doesNotExist();
    }

    @Test
    void aClassesFolderIsHashedFileByFile() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes/dev"));
        Files.writeString(classes.resolve("A.class"), "a");
        String before = GeneratorFingerprint.of(tmp.resolve("classes"), memoDir());
        Files.writeString(classes.resolve("A.class"), "b");
        assertThat(GeneratorFingerprint.of(tmp.resolve("classes"), memoDir())).isNotEqualTo(before);
    }
}
