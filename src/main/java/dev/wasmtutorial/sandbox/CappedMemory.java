package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A module's linear memory with a cap. Growing past the cap stops the run with
 * {@link LimitExceeded} (rather than returning -1 and letting a {@code malloc} loop spin on
 * NULL until its deadline) and is remembered for the outcome. Chicory's
 * {@code withMemoryLimits} replaces a module's limits rather than capping them, hence this wrapper.
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
                            throw new LimitExceeded(LimitExceeded.Kind.MEMORY,
                                    "tried to grow memory to " + wanted + " pages (cap " + capPages + ")");
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
