package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.runtime.Instance;

import java.util.List;

/**
 * Work on the instance around a {@link RunSpec.Call}, inside the run's limits: before the call,
 * turn the given arguments into the ones passed (e.g. copy a string into linear memory and add
 * its pointer); after it, look at memory the result points to. An exception from either ends the
 * run as failed with its message.
 */
public interface CallHook {

    List<Long> arguments(Instance instance, List<Long> given) throws Exception;

    void inspect(Instance instance, long[] result) throws Exception;
}
