package dev.wasmtutorial.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SiteWatcherTest {

    @Test
    void ignoresBuildOutputHiddenFilesAndEditorBackupsBelowTheWatchedFolder() {
        assertThat(SiteWatcher.isIgnored(Path.of("dist/add_and_log.wasm"))).isTrue();
        assertThat(SiteWatcher.isIgnored(Path.of(".intro.md.swp"))).isTrue();
        assertThat(SiteWatcher.isIgnored(Path.of("intro.md~"))).isTrue();
        assertThat(SiteWatcher.isIgnored(Path.of("intro_to_wasm.md"))).isFalse();
        assertThat(SiteWatcher.isIgnored(Path.of("c/add_and_log.c"))).isFalse();
        assertThat(SiteWatcher.isIgnored(Path.of("guide/setup.md"))).isFalse();
    }
}
