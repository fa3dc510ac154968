package dev.wasmtutorial.api;

/**
 * The server's side of the contract: defaults a request gets, maxima it may ask for, and how
 * much the server takes on at once.
 *
 * @param workers      runs executing at once (default: the number of cores)
 * @param queue        accepted runs waiting for a worker before {@code 429}
 * @param keepRuns     finished runs kept on disk; older ones are deleted
 * @param maxStreams   open event streams (run events and live reload together) before {@code 503}
 */
public record ApiLimits(int workers, int queue, int keepRuns, int maxStreams) {

    static final int DEFAULT_TIME_MS = 2000;
    static final int MAX_TIME_MS = 10_000;
    static final int DEFAULT_MEMORY_MIB = 64;
    static final int MAX_MEMORY_MIB = 256;
    static final int DEFAULT_OUTPUT_KIB = 256;
    static final int MAX_OUTPUT_KIB = 1024;
    /** A request body larger than this is refused with 413 (a module or source of about 750 KiB). */
    static final int MAX_BODY_BYTES = 1 << 20;
    static final long COMPILE_TIMEOUT_MS = 30_000;
    static final int COMPILE_OUTPUT_CAP = 64 * 1024;

    public static ApiLimits defaults() {
        return new ApiLimits(Math.max(1, Runtime.getRuntime().availableProcessors()), 64, 1000, 1024);
    }
}
