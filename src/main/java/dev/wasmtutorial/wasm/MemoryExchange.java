package dev.wasmtutorial.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the memory side of one check ({@link MemoryCheck}) on an instance: writes the input
 * through the module's allocator before the call, reads and compares the output after it, and
 * frees both. Kept apart from {@link CheckRunner}, which only asks it for the extra arguments
 * and hands it the result.
 */
final class MemoryExchange {

    /** Longest C string read back (a missing terminator must not read all of memory). */
    private static final int MAX_STRING_BYTES = 1 << 20;

    private final MemoryCheck spec;
    private final String moduleName;
    private final String checkName;
    private int inputPointer;

    MemoryExchange(MemoryCheck spec, String moduleName, String checkName) {
        this.spec = spec;
        this.moduleName = moduleName;
        this.checkName = checkName;
    }

    /** Copies the input into newly allocated memory; returns {@code args} plus its pointer (and length). */
    List<Long> arguments(Instance instance, List<Long> args) throws ValidationFailure {
        byte[] input = spec.write() != null ? spec.write().getBytes(StandardCharsets.UTF_8) : toBytes(spec.writeBytes());
        byte[] stored = spec.isNulTerminated() ? Arrays.copyOf(input, input.length + 1) : input;
        long[] allocated = export(instance, "malloc").apply(stored.length);
        inputPointer = allocated == null || allocated.length == 0 ? 0 : (int) allocated[0];
        if (inputPointer == 0) {
            throw fail("a pointer from malloc(" + stored.length + ")", "it returned 0 (out of memory?)");
        }
        instance.memory().write(inputPointer, stored);
        List<Long> all = new ArrayList<>(args);
        all.add((long) inputPointer);
        if (!spec.isNulTerminated()) {
            all.add((long) input.length);
        }
        return all;
    }

    /**
     * Reads what the result points to, compares it, frees both buffers, and adds the comparison
     * to the report's expected/actual lists.
     */
    void verify(Instance instance, long[] result, List<String> expected, List<String> actual) throws ValidationFailure {
        if (!spec.expectsOutput()) {
            export(instance, "free").apply(inputPointer);
            return;
        }
        int outputPointer = result == null || result.length == 0 ? 0 : (int) result[0];
        String want = spec.expect() != null ? CheckRunner.quote(spec.expect()) : bytesText(toBytes(spec.expectBytes()));
        if (outputPointer == 0) {
            throw fail("a pointer to " + want, "returns " + (result == null || result.length == 0 ? "nothing" : "0 (NULL)"));
        }
        String got;
        try {
            got = spec.expect() != null
                    ? CheckRunner.quote(readCString(instance.memory(), outputPointer))
                    : bytesText(instance.memory().readBytes(outputPointer, spec.expectBytes().size()));
        } catch (ChicoryException | IndexOutOfBoundsException e) {
            throw fail("a pointer to " + want, "a pointer (" + outputPointer + ") outside memory");
        }
        expected.add("memory at result " + want);
        actual.add("memory at result " + got);
        if (!want.equals(got)) {
            throw fail("memory at result " + want, "memory at result " + got);
        }
        export(instance, "free").apply(outputPointer);
        export(instance, "free").apply(inputPointer);
    }

    private com.dylibso.chicory.runtime.ExportFunction export(Instance instance, String name) throws ValidationFailure {
        for (int i = 0; i < instance.module().exportSection().exportCount(); i++) {
            if (instance.module().exportSection().getExport(i).name().equals(name)) {
                return instance.export(name);
            }
        }
        throw fail("an exported " + name + " to manage the memory the check passes", "no export named " + name);
    }

    private static String readCString(Memory memory, int pointer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int at = pointer; bytes.size() < MAX_STRING_BYTES; at++) {
            byte b = memory.read(at);
            if (b == 0) {
                break;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) values.get(i);
        }
        return bytes;
    }

    private static String bytesText(byte[] bytes) {
        List<Integer> values = new ArrayList<>();
        for (byte b : bytes) {
            values.add(b & 0xff);
        }
        return "bytes " + values;
    }

    private ValidationFailure fail(String expected, String actual) {
        return new ValidationFailure(moduleName, checkName, expected, actual);
    }
}
