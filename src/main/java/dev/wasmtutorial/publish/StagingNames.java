package dev.wasmtutorial.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the hidden folders beside the output: {@code .site.staging-<pid>-<n>} for a build's
 * new site and {@code .site.previous-<pid>-<n>} for the site it replaces. The process id makes
 * them unique between processes, the counter between builds of one JVM, and it tells which
 * leftovers belong to a process that has died (removed by the next build).
 */
final class StagingNames {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private final Path outDir;
    private final String name;
    private final Pattern ours;

    StagingNames(Path outDir) {
        this.outDir = outDir;
        this.name = outDir.getFileName().toString();
        // Without "-<pid>-<n>": the fixed names older versions used.
        this.ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.(staging|previous)(?:-(\\d+)-\\d+)?");
    }

    Path newStaging() {
        return outDir.resolveSibling("." + name + ".staging-" + PID + "-" + COUNTER.incrementAndGet());
    }

    Path previousFor(Path staging) {
        return outDir.resolveSibling(staging.getFileName().toString().replace(".staging-", ".previous-"));
    }

    /** Deletes staging/previous folders left by processes that no longer run (best effort). */
    void deleteAbandoned() {
        Path parent = outDir.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> siblings;
        try (Stream<Path> list = Files.list(parent)) {
            siblings = list.toList();
        } catch (IOException e) {
            return;
        }
        for (Path sibling : siblings) {
            Matcher m = ours.matcher(sibling.getFileName().toString());
            if (!m.matches() || isLive(m.group(2))) {
                continue;
            }
            // A previous site whose replacement never arrived is the only copy of the site: keep it.
            if (m.group(1).equals("previous") && !Files.exists(outDir)) {
                continue;
            }
            try {
                StagingSite.deleteTree(sibling);
            } catch (IOException e) {
                // another build may be removing it at the same time
            }
        }
    }

    private static boolean isLive(String pid) {
        if (pid == null) {
            return false;
        }
        long id = Long.parseLong(pid);
        return id == PID || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    }
}
