package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;

import java.util.Locale;
import java.util.stream.Collectors;

/** Function signatures written the way wasm-objdump and our messages show them: {@code (i32, i32) -> i32}. */
public final class Signatures {

    private Signatures() {
    }

    public static String of(FunctionType type) {
        String params = type.params().stream().map(Signatures::typeName).collect(Collectors.joining(", ", "(", ")"));
        String results = type.returns().isEmpty() ? "nil"
                : type.returns().size() == 1 ? typeName(type.returns().get(0))
                : type.returns().stream().map(Signatures::typeName).collect(Collectors.joining(", ", "(", ")"));
        return params + " -> " + results;
    }

    public static String typeName(ValType t) {
        if (t.equals(ValType.I32)) return "i32";
        if (t.equals(ValType.I64)) return "i64";
        if (t.equals(ValType.F32)) return "f32";
        if (t.equals(ValType.F64)) return "f64";
        if (t.equals(ValType.V128)) return "v128";
        if (t.equals(ValType.FuncRef)) return "funcref";
        if (t.equals(ValType.ExternRef)) return "externref";
        return t.toString().toLowerCase(Locale.ROOT);
    }
}
