package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceTree;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The last successful build into an output folder, for a rebuild with nothing to do: the hash of
 * every input it had (see {@link #inputs}), the id of the folder it published, and what it
 * reported. When a new build's inputs hash the same and the folder is still exactly as that build
 * left it, the new build's site would be byte for byte the published one: only its link check is
 * run again (on the published files). Kept only for builds whose every input is a file the
 * generator reads itself ({@link #applies}): a demo build script, an asset bundler, a
 * post-process or a Python runner depends on tools outside the project.
 *
 * @param inputs      the hash of every input, taken before and after the build (stored only if equal)
 * @param publishedId the published folder's record id
 * @param includes    files outside the content folder that pages included (their bytes are inputs)
 * @param warnings    the warnings the build printed, to print again
 */
record LastBuild(String inputs, String publishedId, int pages, int modules, List<String> includes, List<String> warnings) {

    private static final int FORMAT = 1;

    /** Whether a build with this configuration reads nothing but files (see the class comment). */
    static boolean applies(SiteConfig config) {
        return config.assetsBuild().isEmpty() && config.postProcess().isEmpty() && config.pythonCheck().isEmpty()
                && (!config.buildDemos() || config.demoDirs().isEmpty());
    }

    /**
     * The hash of everything a build of {@code config} reads: the configuration itself, the
     * generator, and every file of the content, templates, assets and demo folders and every
     * included file, by path and bytes (files are hashed in parallel, combined in path order).
     */
    static String inputs(SiteConfig config, String generator, Collection<String> includes, FileHashes fileHashes) {
        TreeSet<Path> files = new TreeSet<>();
        files.addAll(SourceTree.files(config.contentDir()));
        files.addAll(SourceTree.files(config.templatesDir()));
        files.addAll(SourceTree.files(config.assetsDir()));
        config.demoDirs().forEach(dir -> files.addAll(SourceTree.files(dir)));
        includes.forEach(include -> files.add(Path.of(include)));
        List<Path> ordered = List.copyOf(files);
        List<String> hashes = ordered.parallelStream().map(fileHashes::sha256).toList();
        MessageDigest digest = Hashes.sha256();
        Hashes.update(digest, "inputs " + FORMAT, generator, config.toString());
        for (int i = 0; i < ordered.size(); i++) {
            Hashes.update(digest, ordered.get(i).toString(), hashes.get(i));
        }
        return Hashes.hex(digest.digest());
    }

    static Optional<LastBuild> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            return Optional.of(new LastBuild(BinaryData.readString(in), BinaryData.readString(in), in.readInt(), in.readInt(),
                    List.copyOf(BinaryData.readStrings(in)), List.copyOf(BinaryData.readStrings(in))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "last-build", ".tmp");
            try (OutputStream stream = Files.newOutputStream(temp); DataOutputStream out = new DataOutputStream(stream)) {
                out.writeInt(FORMAT);
                BinaryData.writeString(out, inputs);
                BinaryData.writeString(out, publishedId);
                out.writeInt(pages);
                out.writeInt(modules);
                BinaryData.writeStrings(out, includes);
                BinaryData.writeStrings(out, warnings);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only time is lost: the next build does the full work.
        }
    }

    /** A file system may keep modification times to the second or coarser: anything this close to the start counts as changed. */
    private static final long CLOCK_SLACK_MILLIS = 2_000;

    /** Whether every file was last modified clearly before {@code startMillis} (missing ones count as changed). */
    static boolean untouchedSince(Collection<String> files, long startMillis) {
        for (String file : files) {
            try {
                if (Files.getLastModifiedTime(Path.of(file)).toMillis() >= startMillis - CLOCK_SLACK_MILLIS) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The sorted, distinct include paths of a build's pages. */
    static List<String> includesOf(Collection<? extends Collection<Path>> perPage) {
        TreeSet<String> all = new TreeSet<>();
        perPage.forEach(includes -> includes.forEach(p -> all.add(p.toString())));
        return new ArrayList<>(all);
    }
}
