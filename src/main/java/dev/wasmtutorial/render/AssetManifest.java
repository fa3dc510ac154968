package dev.wasmtutorial.render;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names of the static assets as templates ask for them ({@code site.css}) mapped to the files
 * that are published ({@code site-J4NLMALQ.css}, content-hashed by the front-end build). Without
 * a {@code manifest.json} (a build without Node) every name maps to itself.
 */
public final class AssetManifest {

    public static final String FILE = "manifest.json";

    private final Map<String, String> files;

    private AssetManifest(Map<String, String> files) {
        this.files = files;
    }

    public static AssetManifest read(Path assetsDir, String display) {
        Path manifest = assetsDir.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            return new AssetManifest(Map.of());
        }
        try {
            Map<String, String> files = new ObjectMapper().readValue(manifest.toFile(), new TypeReference<TreeMap<String, String>>() { });
            return new AssetManifest(Map.copyOf(files));
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(display + "/" + FILE), "unreadable asset manifest: " + e.getMessage(),
                    "rebuild the front-end assets (./mvnw generate-resources)", e);
        }
    }

    /** Every asset name with its published file name, sorted: what pages' asset URLs are made of. */
    @Override
    public String toString() {
        return new TreeMap<>(files).toString();
    }

    /** The published file name of an asset. */
    public String file(String name) {
        return files.getOrDefault(name, name);
    }

    /** Every asset name templates may use, with its URL relative to a page at {@code root}. */
    public Map<String, String> urls(String root, Iterable<String> names) {
        Map<String, String> urls = new TreeMap<>();
        for (String name : names) {
            urls.put(name, root + "assets/" + file(name));
        }
        return urls;
    }
}
