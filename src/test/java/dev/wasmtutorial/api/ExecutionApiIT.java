package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wasmtutorial.serve.PreviewServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The execution API's contract over real HTTP: statuses, results, refusals, persistence, the token. */
class ExecutionApiIT {

    @TempDir
    static Path dir;
    static ApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer(dir.resolve("site"), dir.resolve("runs"), null, ApiServer.limits(2, 16, 1000));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static String module(String name) throws Exception {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("src/test/resources/wasm/" + name)));
    }

    @Test
    void cProgramRunsAndTheSameSourceCompilesOnce() throws Exception {
        String body = ApiServer.c("#include <stdio.h>\nint main(){puts(\"hi\");}");
        ApiServer.Answer accepted = api.post(body);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        assertThat(accepted.json().get("status").asText()).isEqualTo("queued");
        assertThat(accepted.json().at("/links/self").asText()).isEqualTo("/runs/" + id);
        assertThat(accepted.json().at("/links/events").asText()).isEqualTo("/runs/" + id + "/events");

        JsonNode run = api.waitFinal(id);
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("exitCode").asInt()).isZero();
        assertThat(run.get("stdout").asText()).isEqualTo("hi\n");
        assertThat(run.at("/truncated/stdout").asBoolean()).isFalse();
        assertThat(run.at("/timings/compileCached").asBoolean()).isFalse();

        JsonNode again = api.run(body);
        assertThat(again.get("stdout").asText()).isEqualTo("hi\n");
        assertThat(again.at("/timings/compileCached").asBoolean()).isTrue();
    }

    @Test
    void stdinAndArgsReachTheProgramAndANonZeroExitFails() throws Exception {
        ObjectNode body = ApiServer.JSON.createObjectNode().put("language", "c").put("code", """
                #include <stdio.h>
                int main(int argc, char **argv) {
                  char line[64];
                  fgets(line, sizeof line, stdin); printf("stdin: %s", line);
                  for (int i = 1; i < argc; i++) printf("arg: %s\\n", argv[i]);
                  fprintf(stderr, "bye\\n");
                  return 3;
                }
                """);
        ObjectNode inputs = body.putObject("inputs");
        inputs.put("stdin", "typed\n");
        inputs.putArray("args").add("-v").add("x y");
        JsonNode run = api.run(body.toString());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.path("exitCode").asInt(-1)).as(run.toString()).isEqualTo(3);
        assertThat(run.get("stdout").asText()).isEqualTo("stdin: typed\narg: -v\narg: x y\n");
        assertThat(run.get("stderr").asText()).isEqualTo("bye\n");
    }

    @Test
    void filesAreSeenInTheDataDirectoryAndWrittenOnesComeBack() throws Exception {
        ObjectNode body = ApiServer.JSON.createObjectNode().put("language", "wasm").put("code", module("wasi_files.wasm"));
        body.putObject("inputs").putObject("files").put("in.txt", "given\n");
        JsonNode run = api.run(body.toString());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("stdout").asText()).isEqualTo("given\n");
        assertThat(run.get("files").toString()).isEqualTo("{\"out.txt\":\"written\\n\"}");
    }

    @Test
    void cProgramsUseTheDataDirectoryAndNothingElse() throws Exception {
        ObjectNode body = ApiServer.JSON.createObjectNode().put("language", "c").put("code", """
                #include <errno.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/stat.h>
                static void try_open(const char *path) {
                  FILE *f = fopen(path, "r");
                  printf("%s: %s\\n", path, f ? "opened" : strerror(errno));
                  if (f) fclose(f);
                }
                int main(void) {
                  char line[64];
                  FILE *in = fopen("/data/in.txt", "r");
                  if (!in) { perror("in.txt"); return 1; }
                  while (fgets(line, sizeof line, in)) printf("read: %s", line);
                  fclose(in);
                  try_open("in.txt");
                  try_open("/data/missing.txt");
                  try_open("/etc/passwd");
                  try_open("/data/../etc/passwd");
                  FILE *out = fopen("/data/out.txt", "w");
                  fprintf(out, "written by C\\n");
                  fclose(out);
                  struct stat st;
                  int found = stat("/data/in.txt", &st);
                  printf("stat: %d, %lld bytes, regular %d\\n", found, (long long) st.st_size, S_ISREG(st.st_mode));
                  printf("stat /etc/passwd: %d\\n", stat("/etc/passwd", &st));
                  int made = mkdir("/data/sub", 0755);
                  int moved = rename("/data/out.txt", "/data/sub/out.txt");
                  printf("mkdir: %d, rename: %d\\n", made, moved);
                  FILE *gone = fopen("/data/gone.txt", "w");
                  fclose(gone);
                  int removed = remove("/data/gone.txt");
                  printf("remove: %d, then stat: %d\\n", removed, stat("/data/gone.txt", &st));
                  return 0;
                }
                """);
        body.putObject("inputs").putObject("files").put("in.txt", "first\nsecond\n");
        JsonNode run = api.run(body.toString());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("stdout").asText()).isEqualTo("""
                read: first
                read: second
                in.txt: opened
                /data/missing.txt: No such file or directory
                /etc/passwd: No such file or directory
                /data/../etc/passwd: Operation not permitted
                stat: 0, 13 bytes, regular 1
                stat /etc/passwd: -1
                mkdir: 0, rename: 0
                remove: 0, then stat: -1
                """);
        assertThat(run.get("files").toString()).isEqualTo("{\"sub/out.txt\":\"written by C\\n\"}");
    }

    /** readdir goes through WASI's fd_readdir in batches; rewinddir and seekdir move its cookie. */
    @Test
    void cProgramsListTheDataDirectory() throws Exception {
        ObjectNode body = ApiServer.JSON.createObjectNode().put("language", "c").put("code", """
                #include <dirent.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/stat.h>
                static int by_name(const struct dirent **a, const struct dirent **b) { return strcmp((*a)->d_name, (*b)->d_name); }
                int main(void) {
                  mkdir("/data/sub", 0755);
                  fclose(fopen("/data/sub/inner.txt", "w"));
                  for (int i = 0; i < 120; i++) { /* far more than readdir's 2 KiB buffer holds */
                    char name[64];
                    snprintf(name, sizeof name, "/data/a-file-with-a-longer-name-%03d.txt", i);
                    fclose(fopen(name, "w"));
                  }
                  DIR *d = opendir("/data");
                  if (!d) { perror("opendir"); return 1; }
                  int n = 0, dirs = 0, files = 0; long tenth = -1;
                  for (struct dirent *e; (e = readdir(d)); ) {
                    n++;
                    dirs += e->d_type == DT_DIR;
                    files += e->d_type == DT_REG;
                    if (n == 10) tenth = telldir(d);
                  }
                  printf("entries %d, directories %d, files %d\\n", n, dirs, files);
                  rewinddir(d);
                  n = 0; while (readdir(d)) n++;
                  printf("after rewinddir %d\\n", n);
                  seekdir(d, tenth);
                  n = 0; while (readdir(d)) n++;
                  printf("after the tenth %d\\n", n);
                  closedir(d);
                  struct dirent **list;
                  int m = scandir("sub", &list, NULL, by_name);
                  for (int i = 0; i < m; i++) printf("sub: %s\\n", list[i]->d_name);
                  printf("/etc: %s\\n", opendir("/etc") ? "listed" : "refused");
                  printf("a file: %s\\n", opendir("/data/in.txt") ? "listed" : "refused");
                  return 0;
                }
                """);
        body.putObject("inputs").putObject("files").put("in.txt", "x");
        JsonNode run = api.run(body.toString());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        // ".", "..", sub, in.txt and the 120 files
        assertThat(run.get("stdout").asText()).isEqualTo("""
                entries 124, directories 3, files 121
                after rewinddir 124
                after the tenth 114
                sub: .
                sub: ..
                sub: inner.txt
                /etc: refused
                a file: refused
                """);
    }

    /** C programs start from 6 MiB of memory: Emscripten's 5 MiB stack is still there, and the heap grows past the start. */
    @Test
    void cProgramsKeepTheirStackAndGrowTheirHeap() throws Exception {
        JsonNode run = api.run(ApiServer.c("""
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                int main(void) {
                  char on_stack[4 << 20];
                  memset(on_stack, 1, sizeof on_stack);
                  char *on_heap = malloc(20 << 20);
                  if (!on_heap) return 1;
                  memset(on_heap, 2, 20 << 20);
                  printf("%d %d\\n", on_stack[sizeof on_stack - 1], on_heap[(20 << 20) - 1]);
                  return 0;
                }
                """));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("stdout").asText()).isEqualTo("1 2\n");
    }

    @Test
    void compileErrorsComeAsDiagnosticsWithoutServerPaths() throws Exception {
        JsonNode run = api.run(ApiServer.c("int main(void) {\n  return nope;\n}\n"));
        assertThat(run.get("status").asText()).isEqualTo("compile_error");
        JsonNode first = run.get("diagnostics").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(10);
        assertThat(first.get("message").asText()).contains("use of undeclared identifier 'nope'");
        assertThat(run.toString()).doesNotContain("/tmp").doesNotContain("execute-");
    }

    @Test
    void theCompilerCannotBeMadeToReadHostFiles() throws Exception {
        // Inline assembly can embed any file the server can read (.incbin); a macro cannot hide it.
        JsonNode asm = api.run(ApiServer.c("""
                #define EMBED(f) __asm__(".section .rodata.x,\\"\\",@\\n.globl x\\nx:\\n.incbin \\"" f "\\"\\n.byte 0\\n")
                EMBED("/etc/hostname");
                extern const char x[];
                int main(void) { return x[0]; }
                """));
        assertThat(asm.get("status").asText()).as(asm.toString()).isEqualTo("compile_error");
        assertThat(asm.at("/diagnostics/0/message").asText()).contains("inline assembly is not allowed");
        assertThat(asm.at("/diagnostics/0/line").asInt()).isEqualTo(2);

        JsonNode include = api.run(ApiServer.c("#include \"/etc/hostname\"\nint main(void) { return 0; }\n"));
        assertThat(include.get("status").asText()).as(include.toString()).isEqualTo("compile_error");
        // The compiler's sandbox has no /etc: the file is not there to include (nor to tell whether the host has it).
        assertThat(include.at("/diagnostics/0/message").asText()).isEqualTo("error: '/etc/hostname' file not found");

        // Ways around the screen that a review found: all refused, each with its reason.
        String embed = "__asm__(\".section .rodata.x,\\\"\\\",@\\n.globl x\\nx:\\n.incbin \\\"/etc/hostname\\\"\\n.byte 0\\n\");\n";
        String use = "extern const char x[];\nint main(void) { return x[0]; }\n";
        assertRefused(api.run(ApiServer.c("#line 1 \"/usr/share/emscripten/x.h\"\n" + embed + use)), "line directives");
        assertRefused(api.run(ApiServer.c("%: 1 \"<x>\"\n" + embed + use)), "line directives");
        assertRefused(api.run(ApiServer.c("char q = '\"'; " + embed.strip() + " char r = '\"';\n" + use)), "inline assembly");
        // Preprocessed with the compile's own flags, so a branch only the compile takes is screened too.
        assertRefused(api.run(ApiServer.c("#ifdef __OPTIMIZE__\n" + embed + "#endif\n" + use)), "inline assembly");
    }

    private static void assertRefused(JsonNode run, String why) {
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("compile_error");
        assertThat(run.at("/diagnostics/0/message").asText()).as(run.toString()).contains(why);
    }

    /** A source the preprocessor cannot screen is not compiled either (it fails closed). */
    @Test
    void aSourceThePreprocessorRejectsIsNotCompiled() throws Exception {
        JsonNode run = api.run(ApiServer.c("#include <no_such_header.h>\nint main(void) { return 0; }\n"));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("compile_error");
        assertThat(run.at("/diagnostics/0/line").asInt()).isEqualTo(1);
        assertThat(run.at("/diagnostics/0/message").asText()).contains("no_such_header.h");
    }

    /** Macros that expand without bound stop at the cap on the preprocessed size, not at the server's memory. */
    @Test
    void aPreprocessorBombIsCapped() throws Exception {
        StringBuilder bomb = new StringBuilder("#define A0 xxxxxxx\n");
        for (int i = 1; i <= 7; i++) {
            bomb.append("#define A").append(i).append(" A").append(i - 1).append(" A").append(i - 1).append(" A").append(i - 1)
                    .append(" A").append(i - 1).append(" A").append(i - 1).append(" A").append(i - 1).append(" A").append(i - 1)
                    .append(" A").append(i - 1).append(" A").append(i - 1).append(" A").append(i - 1).append('\n');
        }
        JsonNode run = api.run(ApiServer.c(bomb + "A7\nint main(void) { return 0; }\n"));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("compile_error");
        assertThat(run.get("message").asText()).contains("preprocessed source is over 16 MiB");
    }

    /** More static data than the default start of memory leaves room for: linked again with enough. */
    @Test
    void cProgramsWithMegabytesOfStaticDataCompile() throws Exception {
        JsonNode run = api.run(ApiServer.c("""
                #include <stdio.h>
                static char table[3 << 20] = {1};
                int main(int argc, char **argv) {
                  table[(3 << 20) - argc] = 7;
                  printf("%d %d\\n", table[0], table[(3 << 20) - 1]);
                  return 0;
                }
                """));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("stdout").asText()).isEqualTo("1 7\n");
    }

    @Test
    void wasmModulesRunAsCommandsOrByCallingAnExport() throws Exception {
        JsonNode command = api.run("{\"language\":\"wasm\",\"code\":\"" + module("wasi_print.wasm") + "\"}");
        assertThat(command.get("status").asText()).isEqualTo("succeeded");
        assertThat(command.get("stdout").asText()).isEqualTo("hi from wasm\n");

        JsonNode call = api.run("{\"language\":\"wasm\",\"code\":\"" + module("add.wasm") + "\",\"call\":{\"export\":\"add\",\"args\":[2,3]}}");
        assertThat(call.get("status").asText()).isEqualTo("succeeded");
        assertThat(call.get("result").toString()).isEqualTo("[5]");

        JsonNode trap = api.run("{\"language\":\"wasm\",\"code\":\"" + module("unreachable.wasm") + "\",\"call\":{\"export\":\"boom\"}}");
        assertThat(trap.get("status").asText()).isEqualTo("failed");
        assertThat(trap.get("message").asText()).startsWith("trap");

        // Not wrapped or truncated into something else than asked: refused before running.
        for (String args : List.of("[2.7,3.9]", "[4294967297,1]", "[123456789012345678901234567890,0]")) {
            JsonNode wrapped = api.run("{\"language\":\"wasm\",\"code\":\"" + module("add.wasm") + "\",\"call\":{\"export\":\"add\",\"args\":" + args + "}}");
            assertThat(wrapped.get("status").asText()).as(args).isEqualTo("failed");
            assertThat(wrapped.get("message").asText()).as(args).startsWith("rejected before running: needs add called with arguments its parameters can hold")
                    .contains("which is not an i32");
        }

        JsonNode exits = api.run("{\"language\":\"wasm\",\"code\":\"" + module("export_exits.wasm") + "\",\"call\":{\"export\":\"f\"}}");
        assertThat(exits.get("status").asText()).as(exits.toString()).isEqualTo("failed");
        assertThat(exits.get("exitCode").asInt()).isEqualTo(3);
        assertThat(exits.path("result").isMissingNode() || exits.get("result").isNull()).as(exits.toString()).isTrue();
    }

    @Test
    void importsOutsideThePolicyAreRejectedBeforeRunning() throws Exception {
        JsonNode run = api.run("{\"language\":\"wasm\",\"code\":\"" + module("add_and_log.wasm") + "\",\"call\":{\"export\":\"add_and_log\",\"args\":[1,2]}}");
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("message").asText()).isEqualTo("rejected before running: needs every import provided by a host; "
                + "it imports env.log_value (i32) -> nil, which no host provides");
        // What was required and what was found, both.
        JsonNode args = api.run("{\"language\":\"wasm\",\"code\":\"" + module("add.wasm") + "\",\"call\":{\"export\":\"add\",\"args\":[1]}}");
        assertThat(args.get("message").asText()).as(args.toString()).startsWith("rejected before running: needs add called with 2 argument(s)")
                .endsWith("; 1 argument(s)");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        record Case(String body, int status, String errorContains) {
        }
        String big = "x".repeat(ApiLimits.MAX_BODY_BYTES + 10);
        List<Case> cases = List.of(
                new Case("not json", 400, "not JSON"),
                new Case("[1]", 400, "JSON object"),
                new Case("{\"language\":\"ruby\",\"code\":\"puts 1\"}", 400, "language"),
                new Case("{\"language\":\"c\"}", 400, "code"),
                new Case("{\"code\":\"int main(){}\"}", 400, "language"),
                new Case("{\"language\":\"c\",\"code\":\"\"}", 400, "code"),
                new Case("{\"language\":\"wasm\",\"code\":\"***\"}", 400, "base64"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"limits\":{\"timeMs\":999999}}", 400, "limits.timeMs"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"limits\":{\"memoryMiB\":0}}", 400, "limits.memoryMiB"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"limits\":{\"outputKiB\":\"lots\"}}", 400, "limits.outputKiB"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"inputs\":{\"args\":[1]}}", 400, "inputs.args"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"inputs\":{\"files\":{\"../etc/passwd\":\"x\"}}}", 400, "inputs.files"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"extra\":1}", 400, "extra"),
                // Found by a review: each used to be accepted, then failed or silently changed.
                new Case("{\"language\":\"c\",\"code\":\"x\",\"inputs\":{\"files\":{\".\":\"x\"}}}", 400, "inputs.files"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"inputs\":{\"files\":{\"./x\":\"y\"}}}", 400, "inputs.files"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"inputs\":{\"files\":{\"a\":\"1\",\"a/b\":\"2\"}}}", 400, "inputs.files"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"inputs\":{\"files\":{\"x.txt\":\"\\ud800\"}}}", 400, "inputs.files['x.txt']"),
                new Case("{\"language\":\"c\",\"code\":\"int main(){}//\\ud800\"}", 400, "code"),
                new Case("{\"language\":\"c\",\"code\":\"x\",\"limits\":{\"timeMs\":18446744073709551916}}", 400, "limits.timeMs"),
                new Case("{\"language\":\"python\",\"language\":\"c\",\"code\":\"x\"}", 400, "language"),
                new Case("{\"language\":\"c\",\"code\":\"x\"} {}", 400, "not JSON"),
                new Case("{\"language\":\"wasm\",\"code\":\"AGFzbQEAAAA=\",\"call\":{\"export\":\"f\",\"argz\":1}}", 400, "call.argz"));
        for (Case c : cases) {
            ApiServer.Answer a = api.post(c.body());
            assertThat(a.status()).as(c.body().substring(0, Math.min(80, c.body().length()))).isEqualTo(c.status());
            assertThat(a.json().get("error").asText()).contains(c.errorContains());
            assertThat(a.json().get("hint").asText()).isNotBlank();
        }
        ApiServer.Answer text = api.send(HttpRequest.newBuilder(api.base.resolve("execute")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("error").asText()).contains("content-type");

        ApiServer.Answer unknown = api.get("runs/0123456789abcdef0123456789abcdef");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no run");

        for (String nearMiss : List.of("runs", "execute/")) {
            ApiServer.Answer a = api.get(nearMiss);
            assertThat(a.status()).as(nearMiss).isEqualTo(404);
            assertThat(a.json().get("error").asText()).as(nearMiss).contains("no API path");
        }

        ApiServer.Answer get = api.get("execute");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.raw().headers().firstValue("allow")).contains("POST");

        ApiServer.Answer crossOrigin = api.send(HttpRequest.newBuilder(api.base.resolve("execute")).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(ApiServer.c("int main(){}"))));
        assertThat(crossOrigin.status()).isEqualTo(403);
        assertThat(crossOrigin.raw().headers().firstValue("access-control-allow-origin")).isEmpty();

        // Last: the server closes the connection rather than read an oversized body to its end.
        ApiServer.Answer tooBig = api.post("{\"language\":\"c\",\"code\":\"" + big + "\"}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("error").asText()).contains("limit");
        assertThat(tooBig.json().get("hint").asText()).isNotBlank();
    }

    /** The final event carries the whole output: over a megabyte once JSON-escaped, still sent; a CR does not eat text. */
    @Test
    void bigOutputStillEndsTheStreamWithDoneAndCarriageReturnsBreakLines() throws Exception {
        String id = api.post(ApiServer.c("""
                #include <stdio.h>
                #include <string.h>
                int main(void) {
                  printf("50%%\\rDONE\\n");
                  fflush(stdout);
                  static char b[200 * 1024];
                  memset(b, 1, sizeof b);
                  fwrite(b, 1, sizeof b, stdout);
                  return 0;
                }
                """)).json().get("id").asText();
        String stream = api.http.send(HttpRequest.newBuilder(api.base.resolve("runs/" + id + "/events")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // Booleans, not the megabyte-long stream in a failure message.
        assertThat(stream.contains("data: 50%\n") && stream.contains("data: DONE\n")).as("50%% and DONE both arrive").isTrue();
        assertThat(stream.contains("event: done\ndata: {")).as("the stream ends with done").isTrue();
        assertThat(stream.length()).isGreaterThan(1 << 20);
        assertThat(api.get("runs/" + id).json().get("stdout").asText()).startsWith("50%\rDONE\n");
    }

    @Test
    void eventsStreamOutputAsProducedAndResumeFromLastEventId() throws Exception {
        String body = ApiServer.JSON.createObjectNode().put("language", "c").put("code", """
                #include <stdio.h>
                int main(void) { puts("early"); fflush(stdout); volatile int x = 0; for (;;) x++; }
                """).set("limits", ApiServer.JSON.createObjectNode().put("timeMs", 3000)).toString();
        String id = api.post(body).json().get("id").asText();
        HttpResponse<java.util.stream.Stream<String>> live = api.http.send(
                HttpRequest.newBuilder(api.base.resolve("runs/" + id + "/events")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(live.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> lines = new ArrayList<>();
        String statusWhenStdoutArrived = null;
        for (String line : (Iterable<String>) live.body()::iterator) {
            lines.add(line);
            if (line.equals("data: early") && statusWhenStdoutArrived == null) {
                statusWhenStdoutArrived = api.get("runs/" + id).json().get("status").asText();
            }
        }
        // The stream closed by itself after "done"; the output came while the run was still running.
        assertThat(statusWhenStdoutArrived).isEqualTo("running");
        List<String> events = lines.stream().filter(l -> l.startsWith("event: ")).toList();
        assertThat(events).containsSubsequence("event: status", "event: stdout", "event: status", "event: done");
        assertThat(events.get(events.size() - 1)).isEqualTo("event: done");
        String done = lines.get(lines.size() - 2);
        assertThat(done).startsWith("data: {").contains("\"status\":\"timed_out\"");
        List<Long> ids = lines.stream().filter(l -> l.startsWith("id: ")).map(l -> Long.parseLong(l.substring(4))).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        // Reconnect after the last stdout event (puts writes "early" and "\n" as two chunks): only what came later.
        long stdoutId = ids.get(events.lastIndexOf("event: stdout"));
        HttpResponse<String> resumed = api.http.send(HttpRequest.newBuilder(api.base.resolve("runs/" + id + "/events"))
                .header("Last-Event-ID", Long.toString(stdoutId)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resumed.body()).doesNotContain("event: stdout").doesNotContain("data: queued")
                .contains("id: " + (stdoutId + 1) + "\n").contains("event: done");
        assertThat(resumed.body().lines().filter(l -> l.startsWith("id: ")).map(l -> Long.parseLong(l.substring(4))))
                .allMatch(i -> i > stdoutId);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter(@TempDir Path own) throws Exception {
        try (ApiServer small = new ApiServer(own.resolve("site"), own.resolve("runs"), null, ApiServer.limits(1, 1, 100))) {
            String spin = "{\"language\":\"wasm\",\"code\":\"" + module("start_loops.wasm") + "\",\"limits\":{\"timeMs\":1500}}";
            List<Integer> statuses = new ArrayList<>();
            ApiServer.Answer refused = null;
            for (int i = 0; i < 4; i++) {
                ApiServer.Answer a = small.post(spin);
                statuses.add(a.status());
                if (a.status() == 429) {
                    refused = a;
                }
            }
            assertThat(statuses).contains(202, 429);
            assertThat(refused.raw().headers().firstValue("retry-after")).contains("1");
            assertThat(refused.json().get("error").asText()).contains("queue");
        }
    }

    @Test
    void finishedRunsSurviveARestartAndUnfinishedOnesAnswerFailed(@TempDir Path own) throws Exception {
        Path runs = own.resolve("runs");
        String id;
        try (ApiServer first = new ApiServer(own.resolve("site"), runs, null, ApiServer.limits(1, 4, 100))) {
            id = first.run("{\"language\":\"wasm\",\"code\":\"" + module("wasi_print.wasm") + "\"}").get("id").asText();
        }
        // As if the server had died while a run was executing.
        String ghost = "0123456789abcdef0123456789abcdef";
        Files.writeString(runs.resolve(ghost + ".json"), "{\"id\":\"" + ghost + "\",\"language\":\"c\",\"status\":\"running\",\"createdAt\":1}");
        try (ApiServer second = new ApiServer(own.resolve("site"), runs, null, ApiServer.limits(1, 4, 100))) {
            JsonNode again = second.get("runs/" + id).json();
            assertThat(again.get("status").asText()).isEqualTo("succeeded");
            assertThat(again.get("stdout").asText()).isEqualTo("hi from wasm\n");
            JsonNode died = second.get("runs/" + ghost).json();
            assertThat(died.get("status").asText()).isEqualTo("failed");
            assertThat(died.get("message").asText()).contains("server stopped");
            String replay = second.http.send(HttpRequest.newBuilder(second.base.resolve("runs/" + id + "/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(replay).contains("event: stdout\ndata: hi from wasm\n").contains("event: done");
        }
        assertThat(Files.readString(runs.resolve(ghost + ".json"))).contains("\"status\":\"failed\"");
    }

    @Test
    void oldRunsAreEvictedBeyondTheConfiguredCount(@TempDir Path own) throws Exception {
        try (ApiServer small = new ApiServer(own.resolve("site"), own.resolve("runs"), null, ApiServer.limits(1, 8, 2))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(small.run("{\"language\":\"wasm\",\"code\":\"" + module("add.wasm") + "\",\"call\":{\"export\":\"add\",\"args\":[" + i + ",1]}}")
                        .get("id").asText());
            }
            assertThat(small.get("runs/" + ids.get(0)).status()).isEqualTo(404);
            assertThat(small.get("runs/" + ids.get(1)).status()).isEqualTo(404);
            assertThat(small.get("runs/" + ids.get(3)).json().get("result").toString()).isEqualTo("[4]");
            try (var files = Files.list(own.resolve("runs"))) {
                assertThat(files.count()).isEqualTo(2);
            }
        }
    }

    @Test
    void withATokenPostNeedsTheBearerHeader(@TempDir Path own) throws Exception {
        try (ApiServer locked = new ApiServer(own.resolve("site"), own.resolve("runs"), "s3cret", ApiServer.limits(1, 4, 100))) {
            String body = "{\"language\":\"wasm\",\"code\":\"" + module("add.wasm") + "\",\"call\":{\"export\":\"add\",\"args\":[1,1]}}";
            ApiServer.Answer none = locked.post(body);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.json().get("error").asText()).contains("Authorization");
            assertThat(locked.post(body, "wrong").status()).isEqualTo(401);
            assertThat(locked.post(body, "s3cret").status()).isEqualTo(202);
            // The scheme's name in any case; the token exactly.
            for (String header : List.of("bearer s3cret", "BEARER s3cret")) {
                assertThat(locked.send(HttpRequest.newBuilder(locked.base.resolve("execute")).header("Content-Type", "application/json")
                        .header("Authorization", header).POST(HttpRequest.BodyPublishers.ofString(body))).status()).as(header).isEqualTo(202);
            }
            for (String header : List.of("Bearer S3CRET", "Bearer s3cre", "Basic s3cret", "Bearers3cret")) {
                assertThat(locked.send(HttpRequest.newBuilder(locked.base.resolve("execute")).header("Content-Type", "application/json")
                        .header("Authorization", header).POST(HttpRequest.BodyPublishers.ofString(body))).status()).as(header).isEqualTo(401);
            }
        }
    }

    @Test
    void theApiSitsBehindTheHostCheck() throws Exception {
        // A page on another site that rebinds its DNS name to 127.0.0.1 sends its own Host.
        try (java.net.Socket socket = new java.net.Socket(api.base.getHost(), api.base.getPort())) {
            String body = ApiServer.c("int main(void){return 0;}");
            socket.getOutputStream().write(("POST /execute HTTP/1.1\r\nHost: rebound.example\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer.lines().findFirst().orElse("")).matches("HTTP/1.1 (421|403) .*");
        }
    }

    @Test
    void withoutTheApiThePathsDoNotExist(@TempDir Path own) throws Exception {
        Path site = own.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "<p>site</p>");
        Files.writeString(site.resolve("404.html"), "<p>not here</p>");
        try (PreviewServer plain = new PreviewServer(site, "127.0.0.1", 0, "/", false).start()) {
            for (String path : List.of("execute", "runs/0123456789abcdef0123456789abcdef", "runs/x/events")) {
                int status = api.http.send(HttpRequest.newBuilder(plain.url().resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                assertThat(status).as(path).isEqualTo(404);
            }
            int post = api.http.send(HttpRequest.newBuilder(plain.url().resolve("execute")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(post).isNotEqualTo(202);
        }
    }
}
