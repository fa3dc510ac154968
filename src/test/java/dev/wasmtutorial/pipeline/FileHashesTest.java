package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class FileHashesTest {

    @TempDir
    Path dir;

    private Path stamps() {
        return dir.resolve("cache/file-hashes.bin");
    }

    /** A file last modified a minute ago: past the racy window. */
    private Path settled(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return file;
    }

    private static String sha(String text) {
        return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSettledUnchangedFileIsHashedOnceAcrossProcesses() throws Exception {
        Path file = settled("page.md", "# one\n");
        FileHashes first = new FileHashes(stamps());
        assertThat(first.sha256(file)).isEqualTo(sha("# one\n"));
        assertThat(first.sha256(file)).isEqualTo(sha("# one\n"));
        assertThat(first.reads()).isEqualTo(1);
        first.save();

        FileHashes next = new FileHashes(stamps());
        assertThat(next.sha256(file)).isEqualTo(sha("# one\n"));
        assertThat(next.reads()).isZero();
    }

    @Test
    void aRewriteWithTheOldSizeAndModificationTimeIsStillSeen() throws Exception {
        Path file = settled("page.md", "# one\n");
        FileTime then = Files.getLastModifiedTime(file);
        FileHashes hashes = new FileHashes(stamps());
        hashes.sha256(file);

        Thread.sleep(20); // the change time moves on
        Files.writeString(file, "# two\n");
        Files.setLastModifiedTime(file, then); // as `touch -r` or a careless copy tool would
        assertThat(hashes.sha256(file)).isEqualTo(sha("# two\n"));
    }

    @Test
    void aFileChangedMomentsBeforeItWasHashedIsHashedEveryTime() throws Exception {
        Path file = dir.resolve("fresh.md");
        Files.writeString(file, "# fresh\n");
        FileHashes hashes = new FileHashes(stamps());
        hashes.sha256(file);
        hashes.sha256(file);
        assertThat(hashes.reads()).isEqualTo(2);
    }

    @Test
    void aMissingFileAndADamagedStampFile() throws Exception {
        FileHashes hashes = new FileHashes(stamps());
        assertThat(hashes.sha256(dir.resolve("nothing.md"))).isEqualTo("missing");

        Path file = settled("page.md", "# one\n");
        hashes.sha256(file);
        hashes.save();
        byte[] bytes = Files.readAllBytes(stamps());
        Files.write(stamps(), java.util.Arrays.copyOf(bytes, bytes.length - 5));
        FileHashes next = new FileHashes(stamps());
        assertThat(next.sha256(file)).isEqualTo(sha("# one\n"));
        assertThat(next.reads()).isEqualTo(1);
    }
}
