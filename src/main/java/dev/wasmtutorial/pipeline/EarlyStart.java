package dev.wasmtutorial.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A value made on a thread of its own, started now, for whoever asks for it later: the build
 * uses it to load and warm up the Markdown renderer while the main thread is still hashing and
 * loading the content, with a core to spare. If making it failed there, {@link #get} makes it
 * again on the caller's thread, so an error surfaces where it always did.
 */
final class EarlyStart<T> implements Supplier<T> {

    private final Supplier<T> make;
    private final CompletableFuture<T> early = new CompletableFuture<>();
    private T value;

    private EarlyStart(String name, Supplier<T> make) {
        this.make = make;
        Thread thread = new Thread(() -> {
            try {
                early.complete(make.get());
            } catch (Throwable e) { // made again by get(), which reports it
                early.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true); // a build that fails before it needs the value does not wait for it
        thread.start();
    }

    static <T> EarlyStart<T> start(String name, Supplier<T> make) {
        return new EarlyStart<>(name, make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            try {
                value = early.join();
            } catch (RuntimeException e) {
                value = make.get();
            }
        }
        return value;
    }
}
