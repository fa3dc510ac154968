package dev.wasmtutorial.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param status          how it ended
 * @param message         for anything but success: why, in one line (the trap, the limit, the rejection)
 * @param rejection       when {@link Status#REJECTED}: what the policy required and what the module has
 * @param exitCode        a command's exit code (null for a call, or if it never exited)
 * @param result          a call's results (i32 as signed, f32/f64 as doubles); empty for a command
 * @param stdout          what it wrote, up to the output cap
 * @param stderr          likewise
 * @param stdoutTruncated whether stdout was cut at the cap
 * @param stderrTruncated whether stderr was cut at the cap
 * @param files           text files in the data directory that the run created or changed
 * @param calls           for each recorded import, the argument lists it received
 * @param runMillis       wall time from start to end (or to the deadline)
 */
public record Outcome(Status status, String message, Rejection rejection, Integer exitCode, List<Number> result,
                      String stdout, String stderr, boolean stdoutTruncated, boolean stderrTruncated,
                      Map<String, String> files, Map<String, List<List<Long>>> calls, long runMillis) {

    public enum Status {
        /** Exit code 0, or the call returned. */
        SUCCEEDED,
        /** A non-zero exit code or a trap. */
        FAILED,
        TIMED_OUT,
        MEMORY_LIMIT,
        OUTPUT_LIMIT,
        /** Refused before any of its code ran. */
        REJECTED
    }

    public record Rejection(String required, String found) {
    }
}
