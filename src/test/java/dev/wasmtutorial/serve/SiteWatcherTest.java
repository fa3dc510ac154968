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
        // The whole project is watched: what builds and package managers write is not.
        assertThat(SiteWatcher.isIgnored(Path.of("target/dev-site/index.html"))).isTrue();
        assertThat(SiteWatcher.isIgnored(Path.of("src/main/frontend/node_modules/esbuild/package.json"))).isTrue();
        assertThat(SiteWatcher.isIgnored(Path.of(".git/index"))).isTrue();
        assertThat(SiteWatcher.isIgnored(Path.of("strings-demo/c/shout.c"))).isFalse();
    }
}
