package dev.wasmtutorial.sandbox;

import io.roastedroot.zerofs.Configuration;
import io.roastedroot.zerofs.ZeroFs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The only directory a run sees: an in-memory file system (ZeroFs), capped in size, pre-opened
 * as {@link Sandbox#DATA_DIR}. Nothing of the host's disk is reachable from it.
 */
final class DataDirectory implements AutoCloseable {

    private final FileSystem fs;
    private final Path root;
    private final Map<String, String> given;

    DataDirectory(Map<String, String> files, long maxBytes) {
        this.fs = ZeroFs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("unix")
                .setMaxSize(maxBytes)
                .build());
        this.root = fs.getPath(Sandbox.DATA_DIR);
        this.given = Map.copyOf(files);
        try {
            Files.createDirectories(root);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IllegalArgumentException("file name " + file.getKey() + " leaves " + Sandbox.DATA_DIR);
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    /** Text files that the run created or changed, by name relative to the directory. */
    Map<String, String> written() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = root.relativize(p).toString();
                    String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                    if (!text.equals(given.get(name))) {
                        out.put(name, text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
