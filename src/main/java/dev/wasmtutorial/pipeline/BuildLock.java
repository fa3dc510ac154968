package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.LockFile;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One build at a time in a project: a {@link LockFile} at {@code target/build.lock}, held from
 * before the first stage to after the last. The stages write folders every build of the project
 * shares (the bundled assets in {@code target/frontend/assets}, the build cache, the Python
 * checks' outputs, the demos' modules), so two builds at once undid each other's work (one
 * deleted the assets the other was writing) long before the publish lock kept their sites apart.
 * A second build waits, saying once whom for; {@code serve --watch} holds the lock only while it
 * rebuilds.
 */
final class BuildLock implements AutoCloseable {

    /** Longer than any build should take; a build still waiting after it is behind a stuck one. */
    static final Duration WAIT = Duration.ofMinutes(30);

    private final LockFile lock;

    private BuildLock(LockFile lock) {
        this.lock = lock;
    }

    static Path fileOf(SiteConfig config) {
        return config.projectRoot().resolve("target/build.lock");
    }

    static BuildLock acquire(SiteConfig config, PrintStream log, Duration wait) {
        Path file = fileOf(config);
        String display = config.display(file);
        Optional<LockFile> lock = Optional.empty();
        try {
            lock = LockFile.acquire(file, wait, () -> log.println("waiting for the other build (" + holder(file) + ") to finish"));
            if (lock.isPresent()) {
                lock.get().describeHolder("pid " + ProcessHandle.current().pid());
            }
        } catch (IOException e) {
            lock.ifPresent(LockFile::close);
            throw new BuildException(SourceLocation.of(display), "cannot lock the project for this build: " + e.getMessage(),
                    "check that target/ is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException(SourceLocation.of(display), "interrupted while waiting for the other build", null, e);
        }
        return lock.map(BuildLock::new).orElseThrow(() -> new BuildException(SourceLocation.of(display),
                "another build (" + holder(file) + ") has been running for more than " + wait.toMinutes() + " minutes",
                "let it finish, or stop it, then build again"));
    }

    /** Who holds the lock, as it wrote itself down ({@code pid 1234}); it may not have yet. */
    private static String holder(Path file) {
        String holder = LockFile.holder(file);
        return holder.isEmpty() ? "pid unknown" : holder;
    }

    @Override
    public void close() {
        lock.close();
    }
}
