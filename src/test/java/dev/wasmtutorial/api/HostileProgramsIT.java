package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs that try to outlive or outgrow their limits, sent over real HTTP to a live
 * {@code serve --api}: each ends with the right status, and a run past its deadline is
 * reported {@code timed_out} within the deadline plus 200 ms (the run's own clock).
 */
class HostileProgramsIT {

    @TempDir
    static Path dir;
    static ApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer(dir.resolve("site"), dir.resolve("runs"), null, ApiServer.limits(2, 16, 100));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String withLimits(String source, int timeMs) {
        return ApiServer.JSON.createObjectNode().put("language", "c").put("code", source)
                .set("limits", ApiServer.JSON.createObjectNode().put("timeMs", timeMs)).toString();
    }

    private static void assertTimedOut(JsonNode run, int timeMs) {
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("timed_out");
        assertThat(run.at("/timings/runMs").asLong()).isBetween((long) timeMs, timeMs + 200L);
    }

    @Test
    void endlessLoopTimesOut() throws Exception {
        assertTimedOut(api.run(withLimits("int main(void){ volatile int x = 0; for (;;) x++; }", 500)), 500);
    }

    @Test
    void startFunctionThatLoopsTimesOut() throws Exception {
        String module = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("src/test/resources/wasm/start_loops.wasm")));
        String body = ApiServer.JSON.createObjectNode().put("language", "wasm").put("code", module)
                .set("limits", ApiServer.JSON.createObjectNode().put("timeMs", 300)).toString();
        assertTimedOut(api.run(body), 300);
    }

    @Test
    void deepRecursionFailsWithATrap() throws Exception {
        JsonNode run = api.run(ApiServer.c("""
                int down(int n) { volatile char pad[256]; pad[0] = (char) n; return down(n + 1) + pad[0]; }
                int main(void) { return down(0); }
                """));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.get("message").asText()).containsAnyOf("trap", "call stack exhausted", "out of bounds");
    }

    @Test
    void mallocLoopHitsTheMemoryLimit() throws Exception {
        JsonNode run = api.run(ApiServer.JSON.createObjectNode().put("language", "c").put("code", """
                #include <stdlib.h>
                char *volatile last; /* keeps the optimizer from dropping the allocations */
                int main(void) { for (;;) { last = malloc(1 << 20); if (!last) return 1; } }
                """).set("limits", ApiServer.JSON.createObjectNode().put("memoryMiB", 32).put("timeMs", 10_000)).toString());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("memory_limit");
        assertThat(run.get("message").asText()).contains("cap 512");
    }

    @Test
    void printingForeverHitsTheOutputLimit() throws Exception {
        JsonNode run = api.run(ApiServer.JSON.createObjectNode().put("language", "c").put("code", """
                #include <stdio.h>
                int main(void) { for (;;) puts("all work and no play"); }
                """).set("limits", ApiServer.JSON.createObjectNode().put("outputKiB", 4).put("timeMs", 10_000)).toString());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("output_limit");
        assertThat(run.at("/truncated/stdout").asBoolean()).isTrue();
        assertThat(run.get("stdout").asText()).hasSize(4096).startsWith("all work and no play\n");
    }
}
