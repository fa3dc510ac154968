package dev.wasmtutorial.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTreeTest {

    @TempDir
    Path dir;

    @Test
    void hiddenMeansAnySegmentStartsWithADot() {
        assertThat(SourceTree.isHidden(Path.of(".drafts/x.md"))).isTrue();
        assertThat(SourceTree.isHidden(Path.of("guide/.notes/x.md"))).isTrue();
        assertThat(SourceTree.isHidden(Path.of("guide/.DS_Store"))).isTrue();
        assertThat(SourceTree.isHidden(Path.of("guide/x.md"))).isFalse();
        assertThat(SourceTree.isHidden(Path.of("a.b/x.md"))).isFalse();
    }

    @Test
    void filesListsVisibleRegularFilesSortedAndNothingBelowAHiddenFolder() throws Exception {
        Files.createDirectories(dir.resolve(".drafts"));
        Files.createDirectories(dir.resolve("b/.cache"));
        Files.writeString(dir.resolve(".drafts/x.md"), "x");
        Files.writeString(dir.resolve("b/.cache/y"), "y");
        Files.writeString(dir.resolve("b/.hidden.txt"), "h");
        Files.writeString(dir.resolve("b/z.txt"), "z");
        Files.writeString(dir.resolve("a.md"), "a");
        assertThat(SourceTree.files(dir)).containsExactly(dir.resolve("a.md"), dir.resolve("b/z.txt"));
        assertThat(SourceTree.files(dir.resolve("missing"))).isEmpty();
    }
}
