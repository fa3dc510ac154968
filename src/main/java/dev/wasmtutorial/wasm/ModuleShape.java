package dev.wasmtutorial.wasm;

import dev.wasmtutorial.sandbox.Signatures;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;

import java.util.ArrayList;
import java.util.List;

/** What a module imports and exports, with signatures, as the inspector panel shows it. */
public record ModuleShape(List<Entry> imports, List<Entry> exports, Integer memoryInitialPages, Integer memoryMaxPages) {

    /** One import or export: {@code env.log_value}, {@code func}, {@code (i32) -> nil}. */
    public record Entry(String name, String kind, String signature) {
    }

    public static ModuleShape of(WasmModule module) {
        List<Entry> imports = new ArrayList<>();
        int importedFunctions = 0;
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String signature = "";
            if (imp instanceof FunctionImport f) {
                signature = signature(module.typeSection().getType(f.typeIndex()));
                importedFunctions++;
            }
            imports.add(new Entry(imp.module() + "." + imp.name(), kind(imp.importType()), signature));
        }
        List<Entry> exports = new ArrayList<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export exp = module.exportSection().getExport(i);
            String signature = "";
            if (exp.exportType() == ExternalType.FUNCTION) {
                signature = functionSignature(module, exp.index(), importedFunctions);
            }
            exports.add(new Entry(exp.name(), kind(exp.exportType()), signature));
        }
        Integer initial = null;
        Integer max = null;
        if (module.memorySection().isPresent() && module.memorySection().get().memoryCount() > 0) {
            MemoryLimits limits = module.memorySection().get().getMemory(0).limits();
            initial = limits.initialPages();
            max = limits.maximumPages();
        }
        return new ModuleShape(List.copyOf(imports), List.copyOf(exports), initial, max);
    }

    private static String functionSignature(WasmModule module, int index, int importedFunctions) {
        if (index < importedFunctions) {
            int seen = 0;
            for (int i = 0; i < module.importSection().importCount(); i++) {
                if (module.importSection().getImport(i) instanceof FunctionImport f && seen++ == index) {
                    return signature(module.typeSection().getType(f.typeIndex()));
                }
            }
            return "";
        }
        int typeIndex = module.functionSection().getFunctionType(index - importedFunctions);
        return signature(module.typeSection().getType(typeIndex));
    }

    static String signature(FunctionType type) {
        return Signatures.of(type);
    }

    private static String kind(ExternalType type) {
        return switch (type) {
            case FUNCTION -> "func";
            case TABLE -> "table";
            case MEMORY -> "memory";
            case GLOBAL -> "global";
            case TAG -> "tag";
        };
    }
}
