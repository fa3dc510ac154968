package dev.wasmtutorial.render;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetManifestTest {

    @TempDir
    Path dir;

    @Test
    void mapsNamesToHashedFilesRelativeToThePage() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"site.css\": \"site-ABC123.css\"}");
        AssetManifest manifest = AssetManifest.read(dir, "assets");
        assertThat(manifest.urls("../", List.of("site.css", "favicon.svg")))
                .containsEntry("site.css", "../assets/site-ABC123.css")
                .containsEntry("favicon.svg", "../assets/favicon.svg");
    }

    @Test
    void withoutAManifestNamesMapToThemselves() {
        assertThat(AssetManifest.read(dir, "assets").file("site.js")).isEqualTo("site.js");
    }

    @Test
    void unreadableManifestIsABuildError() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{not json");
        assertThatThrownBy(() -> AssetManifest.read(dir, "target/frontend/assets"))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("unreadable asset manifest");
    }
}
