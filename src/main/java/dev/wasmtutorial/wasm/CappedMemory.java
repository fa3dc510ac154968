package dev.wasmtutorial.wasm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A module's linear memory with a cap. Growth past the cap is refused (memory.grow returns -1,
 * as when a browser cannot allocate) and remembered, so a module that tried is reported even if
 * it copes with the refusal. Chicory's {@code withMemoryLimits} replaces a module's limits
 * rather than capping them, hence this wrapper.
 */
final class CappedMemory {

    private final int capPages;
    private volatile int refusedGrowthTo = -1;

    CappedMemory(int capPages) {
        this.capPages = capPages;
    }

    /** Pages the module tried to grow to past the cap, or -1 if it never tried. */
    int refusedGrowthTo() {
        return refusedGrowthTo;
    }

    Memory create(MemoryLimits limits) {
        Memory real = new ByteArrayMemory(limits);
        return (Memory) Proxy.newProxyInstance(Memory.class.getClassLoader(), new Class<?>[] {Memory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("grow") && args != null && args.length == 1 && args[0] instanceof Integer delta) {
                        int wanted = real.pages() + delta;
                        if (wanted > capPages) {
                            refusedGrowthTo = Math.max(refusedGrowthTo, wanted);
                            return -1;
                        }
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Memory target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
