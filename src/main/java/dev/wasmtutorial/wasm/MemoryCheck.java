package dev.wasmtutorial.wasm;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The {@code memory:} part of a check: data that travels through the module's linear memory
 * the way a page passes a string or an array. Before the call, the input is copied into memory
 * allocated with the module's exported {@code malloc} and its pointer (and length) are appended
 * to the arguments; after it, the call's result is read as a pointer to the output, compared,
 * and both buffers are released with the module's exported {@code free}.
 *
 * @param write         text to pass, encoded as UTF-8 (like {@code TextEncoder})
 * @param writeBytes    or bytes to pass, each 0..255
 * @param nulTerminated write a terminating 0 byte and pass only the pointer (a C string);
 *                      otherwise the call receives the pointer and the byte length
 * @param expect        the text the result points to, read up to its terminating 0 byte and
 *                      decoded as UTF-8 (like {@code TextDecoder}); omit both expect fields for a
 *                      call that returns no pointer
 * @param expectBytes   or the bytes the result points to (exactly this many are read)
 */
public record MemoryCheck(
        String write,
        @JsonProperty("write-bytes") List<Integer> writeBytes,
        @JsonProperty("nul-terminated") Boolean nulTerminated,
        String expect,
        @JsonProperty("expect-bytes") List<Integer> expectBytes) {

    /** What is wrong with this declaration, or null when it is usable. */
    String problem() {
        if ((write == null) == (writeBytes == null)) {
            return "needs exactly one of 'write' (text) or 'write-bytes'";
        }
        if (expect != null && expectBytes != null) {
            return "takes at most one of 'expect' (text) or 'expect-bytes'";
        }
        for (List<Integer> bytes : java.util.Arrays.asList(writeBytes, expectBytes)) {
            if (bytes != null && bytes.stream().anyMatch(b -> b == null || b < 0 || b > 255)) {
                return "byte values must be 0..255";
            }
        }
        return null;
    }

    boolean expectsOutput() {
        return expect != null || expectBytes != null;
    }

    boolean isNulTerminated() {
        return Boolean.TRUE.equals(nulTerminated);
    }
}
