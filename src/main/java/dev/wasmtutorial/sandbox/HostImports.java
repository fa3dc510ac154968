package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host side of one module instance, the JVM's stand-in for the browser:
 * <ul>
 * <li>imports listed under {@code record:} get a stub that records each call's arguments and
 *     returns zeros (the JavaScript callbacks a demo page supplies, like {@code env.log_value});</li>
 * <li>{@code wasi_snapshot_preview1.*} comes from Chicory's WASI implementation, configured by
 *     the {@link Sandbox}: captured output, no environment, an in-memory directory only;</li>
 * <li>the few {@code env.*} helpers that Emscripten's output imports are implemented here; they
 *     touch nothing but the module's own memory.</li>
 * </ul>
 * Any other import is refused before instantiation, naming it.
 */
final class HostImports implements AutoCloseable {

    static final Set<String> EMSCRIPTEN_HELPERS = Set.of("env.emscripten_memcpy_big", "env.setTempRet0", "env.getTempRet0",
            "env.emscripten_notify_memory_growth");

    private final Map<String, List<List<Long>>> calls = new LinkedHashMap<>();
    private final WasiPreview1 wasi;
    private int tempRet0;

    HostImports(WasiOptions options) {
        this.wasi = WasiPreview1.builder().withOptions(options).build();
    }

    /** The import values for {@code module}, or a rejection naming the first import nobody provides. */
    ImportValues importsFor(WasmModule module, List<String> recorded) throws Rejected {
        Map<String, HostFunction> wasiFunctions = new LinkedHashMap<>();
        for (HostFunction f : wasi.toHostFunctions()) {
            wasiFunctions.put(f.module() + "." + f.name(), f);
        }
        List<HostFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String name = imp.module() + "." + imp.name();
            if (!(imp instanceof FunctionImport f)) {
                throw new Rejected("only function imports",
                        "an import of a " + imp.importType().name().toLowerCase() + " (" + name + ")");
            }
            FunctionType type = module.typeSection().getType(f.typeIndex());
            if (recorded.contains(name)) {
                functions.add(recorder(imp.module(), imp.name(), type));
            } else if (wasiFunctions.containsKey(name)) {
                functions.add(wasiFunctions.get(name));
            } else if (EMSCRIPTEN_HELPERS.contains(name)) {
                functions.add(emscriptenHelper(imp.module(), imp.name(), type));
            } else {
                throw new Rejected("every import provided by a host",
                        "it imports " + name + " " + Signatures.of(type) + ", which no host provides");
            }
        }
        return ImportValues.builder().withFunctions(List.copyOf(functions)).build();
    }

    private HostFunction recorder(String module, String name, FunctionType type) {
        String key = module + "." + name;
        calls.putIfAbsent(key, new ArrayList<>());
        int results = type.returns().size();
        return new HostFunction(module, name, type, (Instance instance, long... args) -> {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < type.params().size(); i++) {
                values.add(signExtend32(type, i, args[i]));
            }
            synchronized (calls) {
                calls.get(key).add(values);
            }
            return results == 0 ? null : new long[results];
        });
    }

    /** i32 arguments arrive as longs; show them as the signed 32-bit values the C code sees. */
    private static long signExtend32(FunctionType type, int index, long value) {
        return type.params().get(index).equals(com.dylibso.chicory.wasm.types.ValType.I32) ? (int) value : value;
    }

    private HostFunction emscriptenHelper(String module, String name, FunctionType type) {
        return switch (name) {
            // Copies within linear memory and returns the destination, like memcpy.
            case "emscripten_memcpy_big" -> new HostFunction(module, name, type, (Instance instance, long... args) -> {
                Memory memory = instance.memory();
                int dest = (int) args[0];
                int src = (int) args[1];
                int count = (int) args[2];
                memory.write(dest, memory.readBytes(src, count));
                return new long[] {dest};
            });
            // Emscripten's side channel for the high 32 bits of i64 results.
            case "setTempRet0" -> new HostFunction(module, name, type, (Instance instance, long... args) -> {
                tempRet0 = (int) args[0];
                return null;
            });
            case "getTempRet0" -> new HostFunction(module, name, type, (Instance instance, long... args) -> new long[] {tempRet0});
            // Tells JS glue to refresh its views of memory after a grow; there is no JS here.
            case "emscripten_notify_memory_growth" -> new HostFunction(module, name, type, (Instance instance, long... args) -> null);
            default -> throw new IllegalArgumentException(name);
        };
    }

    Map<String, List<List<Long>>> calls() {
        synchronized (calls) {
            Map<String, List<List<Long>>> copy = new LinkedHashMap<>();
            calls.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    @Override
    public void close() {
        wasi.close();
    }
}
