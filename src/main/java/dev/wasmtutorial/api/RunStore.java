package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wasmtutorial.python.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs on disk, one JSON file per run in the runs folder, each written to a temp file and moved
 * into place so a reader never sees half a file. Only unfinished runs live in memory; a finished
 * one is read back from its file when asked for, so memory does not grow with history. At start,
 * runs that were not finished become {@code failed}; beyond {@code keep} finished runs the oldest
 * are deleted.
 */
final class RunStore {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final Path dir;
    private final int keep;
    private final String base;
    private final Map<String, RunRecord> live = new ConcurrentHashMap<>();
    /** Finished runs' ids, oldest first. */
    private final Deque<String> finished = new ArrayDeque<>();

    RunStore(Path dir, int keep, String base) {
        this.dir = dir;
        this.keep = keep;
        this.base = base;
        try {
            Files.createDirectories(dir);
            List<RunRecord> loaded = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    RunRecord run = load(file);
                    if (run != null) {
                        loaded.add(run);
                    }
                }
            }
            loaded.sort(Comparator.comparingLong(RunRecord::createdAt));
            loaded.forEach(r -> finished.add(r.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the runs folder " + dir + ": " + e.getMessage(), e);
        }
        evict();
    }

    private RunRecord load(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") || !ID.matcher(name.substring(0, name.length() - 5)).matches()) {
            return null;
        }
        try {
            ObjectNode saved = (ObjectNode) RunRecord.JSON.readTree(file.toFile());
            RunRecord run = RunRecord.restore(saved, base);
            if (!RunRecord.FINAL.contains(saved.path("status").asText())) {
                save(run); // it now answers "failed", and keeps doing so
            }
            return run;
        } catch (IOException | ClassCastException e) {
            System.err.println(file + ": skipped, not a run file (" + e.getMessage() + ")");
            return null;
        }
    }

    static boolean isId(String s) {
        return ID.matcher(s).matches();
    }

    /** The run, live or from disk; null if unknown. */
    RunRecord get(String id) {
        if (!isId(id)) {
            return null;
        }
        RunRecord run = live.get(id);
        if (run != null) {
            return run;
        }
        Path file = dir.resolve(id + ".json");
        try {
            return Files.isRegularFile(file) ? RunRecord.restore((ObjectNode) RunRecord.JSON.readTree(file.toFile()), base) : null;
        } catch (IOException | ClassCastException e) {
            return null; // evicted between the check and the read
        }
    }

    /** An accepted run: on disk at once, so a restart can answer for it. */
    void add(RunRecord run) {
        live.put(run.id(), run);
        save(run);
    }

    /** A run the queue refused: it was never accepted. */
    void discard(RunRecord run) {
        live.remove(run.id());
        delete(run.id());
    }

    /** A run reached its final status: saved, out of memory, and counted for eviction. */
    void finish(RunRecord run) {
        save(run);
        live.remove(run.id());
        synchronized (finished) {
            finished.add(run.id());
        }
        evict();
    }

    private void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".json"));
            Path files = filesDir(id);
            if (Files.isDirectory(files)) {
                try (Stream<Path> walk = Files.walk(files)) {
                    for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("cannot delete run " + id + ": " + e.getMessage());
        }
    }

    /** A run's output files live beside its record and go with it. */
    private Path filesDir(String id) {
        return dir.resolve(id + ".files");
    }

    /** Writes a Python run's output files (names checked by {@link OutputFile#validName}). */
    void saveFiles(String id, List<OutputFile> files) {
        try {
            for (OutputFile file : files) {
                Path target = filesDir(id).resolve(file.name()).normalize();
                if (!target.startsWith(filesDir(id))) {
                    continue; // cannot happen with a valid name; never write outside the folder
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
        } catch (IOException e) {
            System.err.println("cannot save the files of run " + id + ": " + e.getMessage());
        }
    }

    /** An output file's bytes, or null if the run has no such file (any more). */
    byte[] file(String id, String name) {
        if (!isId(id) || !OutputFile.validName(name)) {
            return null;
        }
        Path file = filesDir(id).resolve(name).normalize();
        try {
            return file.startsWith(filesDir(id)) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the run's current state atomically. */
    void save(RunRecord run) {
        Path target = dir.resolve(run.id() + ".json");
        Path temp = dir.resolve(run.id() + ".json.tmp");
        try {
            Files.write(temp, RunRecord.JSON.writeValueAsBytes(run.toSaved()));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("cannot save run " + run.id() + ": " + e.getMessage());
        }
    }

    /** Deletes the oldest finished runs beyond {@code keep}. */
    private void evict() {
        synchronized (finished) {
            while (finished.size() > keep) {
                delete(finished.poll());
            }
        }
    }

    int liveCount() {
        return live.size();
    }
}
