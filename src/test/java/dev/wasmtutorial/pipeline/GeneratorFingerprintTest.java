package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's fingerprint: the SHA-256 of its jar (remembered by stat, see {@link FileHashes}) or of its classes folder. */
class GeneratorFingerprintTest {

    @TempDir
    Path tmp;

    /** A jar with {@code text} as its bytes, last modified an hour ago (past the racy window). */
    private Path jar(String text) throws Exception {
        Path jar = tmp.resolve("wasm-tutorial.jar");
        Files.writeString(jar, text);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        return jar;
    }

    private Path memoDir() {
        return tmp.resolve("build-cache/render");
    }

    @Test
    void aJarIsFingerprintedByTheSha256OfItsBytesAndRemembered() throws Exception {
        Path jar = jar("classes, version 1");
        String fingerprint = GeneratorFingerprint.of(jar, memoDir());
        assertThat(fingerprint).isEqualTo(Hashes.sha256Hex("classes, version 1".getBytes(StandardCharsets.UTF_8)));
        FileHashes remembered = new FileHashes(tmp.resolve("wasm-tutorial.jar.hash-memo"));
        assertThat(remembered.sha256(jar)).isEqualTo(fingerprint);
        assertThat(remembered.reads()).as("the next run reads the memo beside the jar, not the jar").isZero();
        assertThat(memoDir()).as("nothing in the build cache: deleting it does not cost hashing the jar again").doesNotExist();
    }

    @Test
    void aChangedJarGetsANewFingerprintEvenWithTheSameSizeAndModificationTime() throws Exception {
        Path jar = jar("classes, version 1");
        FileTime modified = Files.getLastModifiedTime(jar);
        String first = GeneratorFingerprint.of(jar, memoDir());
        Thread.sleep(20);
        Files.writeString(jar, "classes, version 2");
        Files.setLastModifiedTime(jar, modified);
        assertThat(GeneratorFingerprint.of(jar, memoDir())).isNotEqualTo(first)
                .isEqualTo(Hashes.sha256Hex("classes, version 2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aClassesFolderIsHashedFileByFile() throws Exception {
        Files.createDirectories(tmp.resolve("classes/dev"));
        Files.writeString(tmp.resolve("classes/dev/A.class"), "a");
        String before = GeneratorFingerprint.of(tmp.resolve("classes"), memoDir());
        Files.writeString(tmp.resolve("classes/dev/B.class"), "b");
        assertThat(GeneratorFingerprint.of(tmp.resolve("classes"), memoDir())).isNotEqualTo(before);
    }

    @Test
    void aMissingJarMatchesNothing() {
        String one = GeneratorFingerprint.of(tmp.resolve("gone.jar"), memoDir());
        assertThat(one).startsWith("unknown-").isNotEqualTo(GeneratorFingerprint.of(tmp.resolve("gone.jar"), memoDir()));
    }
}
