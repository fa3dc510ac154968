package dev.wasmtutorial.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wasmtutorial.CountingListener;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code "language": "python"} over real HTTP: results of each kind, each limit, and each way out
 * of the sandbox a hostile program tries. The program controls the JavaScript runtime (the
 * Function constructor leads from any JS object to Node's {@code process}), so the escapes go
 * through it, straight at the layers beneath: bubblewrap and Node's permission model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonApiIT {

    /** The JavaScript runtime, reached from Python without the js module's help. */
    private static final String PROCESS = "import pyodide_js\nprocess = pyodide_js.constructor.constructor('return process')()\n";

    private Path dir;
    private ApiServer api;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        api = new ApiServer(dir.resolve("site"), dir.resolve("runs"), null, ApiServer.limits(2, 16, 100), 2);
        assertThat(api.api.pythonOff()).as("this machine has bwrap, Node and Pyodide (./mvnw package)").isEmpty();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private static String python(String code) {
        return python(code, Map.of());
    }

    private static String python(String code, Map<String, Object> extra) {
        ObjectNode body = ApiServer.JSON.createObjectNode().put("language", "python").put("code", code);
        extra.forEach((k, v) -> body.set(k, ApiServer.JSON.valueToTree(v)));
        return body.toString();
    }

    @Test
    void theLastExpressionIsTheResultAndFilesAreUnderData() throws Exception {
        JsonNode run = api.run(python("import csv, statistics\nrows = list(csv.DictReader(open('/data/sales.csv')))\n"
                + "statistics.mean(float(r['amount']) for r in rows)", Map.of("inputs", Map.of("files", Map.of("sales.csv", "amount\n3\n5\n")))));
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("language").asText()).isEqualTo("python");
        assertThat(run.get("result").asDouble()).isEqualTo(4.0);
        assertThat(run.get("display")).isEmpty();
    }

    @Test
    void filesUnderOutputAreListedAndServedSoThatNoBrowserRunsThem() throws Exception {
        JsonNode run = api.run(python("""
                import os
                os.makedirs('/output/data', exist_ok=True)
                open('/output/chart.svg', 'w').write('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
                open('/output/data/table.csv', 'w').write('a,b\\n1,2\\n')
                open('/output/.hidden', 'w').write('x')
                """));
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        JsonNode files = run.get("outputFiles");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).get("name").asText()).isEqualTo("chart.svg");
        assertThat(files.get(0).get("type").asText()).isEqualTo("image/svg+xml");
        assertThat(files.get(1).get("name").asText()).isEqualTo("data/table.csv");
        assertThat(files.get(1).get("size").asInt()).isEqualTo(8);
        assertThat(files.get(1).get("sha256").asText()).isEqualTo(dev.wasmtutorial.config.Hashes.sha256Hex("a,b\n1,2\n".getBytes()));
        assertThat(run.get("outputFilesNote").asText()).contains("not a plain relative path");

        var svg = api.get(files.get(0).get("link").asText().substring(1)).raw();
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("content-security-policy")).hasValue("sandbox; default-src 'none'");
        assertThat(svg.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(svg.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"chart.svg\"");
        assertThat(svg.body()).contains("<script>");
        var csv = api.get(files.get(1).get("link").asText().substring(1)).raw();
        assertThat(csv.headers().firstValue("content-disposition")).hasValue("inline; filename=\"table.csv\"");
        assertThat(csv.body()).isEqualTo("a,b\n1,2\n");
        ApiServer.Answer missing = api.get("runs/" + run.get("id").asText() + "/files/..%2F" + run.get("id").asText() + ".json");
        assertThat(missing.status()).as("a name that tries to leave the run's files").isIn(400, 404); // Jetty refuses an encoded '/' itself
        assertThat(api.get("runs/" + run.get("id").asText() + "/files/.hidden").status()).isEqualTo(404);
    }

    @Test
    void aRunKeepsItsCodeInputsAndOutputsTogetherAcrossARestart() throws Exception {
        JsonNode run = api.run(python("import os\nos.makedirs('/output', exist_ok=True)\nopen('/output/n.txt', 'w').write(input())\n"
                + "class Html:\n    def _repr_html_(self):\n        return '<b>7</b>'\ndisplay(Html())\n{'n': 7}",
                Map.of("inputs", Map.of("stdin", "seven", "files", Map.of("in.csv", "a\n1\n")), "limits", Map.of("timeMs", 3000))));
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("request").get("code").asText()).startsWith("import os");
        assertThat(run.get("request").get("inputs").get("stdin").asText()).isEqualTo("seven");
        assertThat(run.get("request").get("inputs").get("files").get("in.csv").asText()).isEqualTo("a\n1\n");
        assertThat(run.get("request").get("limits").get("timeMs").asInt()).isEqualTo(3000);
        // A second server on the same runs folder, as after a restart, answers the same run.
        try (ApiServer restarted = new ApiServer(dir.resolve("site"), dir.resolve("runs"), null, ApiServer.limits(1, 4, 100))) {
            JsonNode again = restarted.get("runs/" + run.get("id").asText()).json();
            for (String field : List.of("status", "result", "display", "outputFiles", "request", "stdout")) {
                assertThat(again.get(field)).as(field).isEqualTo(run.get(field));
            }
            assertThat(restarted.get(again.get("outputFiles").get(0).get("link").asText().substring(1)).raw().body()).isEqualTo("seven");
        }
    }

    @Test
    void stdinArgsStdoutAndTopLevelAwait() throws Exception {
        JsonNode run = api.run(python("import sys, asyncio\nname = input()\nawait asyncio.sleep(0)\nprint('hello', name, sys.argv[1:])\n"
                + "{'n': len(sys.argv), 'ok': True}", Map.of("inputs", Map.of("stdin", "Ada\n", "args", List.of("-v", "x")))));
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("stdout").asText()).isEqualTo("hello Ada ['-v', 'x']\n");
        assertThat(run.get("result").toString()).isEqualTo("{\"n\":3,\"ok\":true}");
    }

    @Test
    void aValueJsonCannotHoldIsItsReprAndRichValuesAreDisplayed() throws Exception {
        JsonNode run = api.run(python("class Chart:\n    def _repr_svg_(self):\n        return '<svg/>'\n    def __repr__(self):\n        return 'Chart()'\n"
                + "display({'rows': 2})\nChart()"));
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("result").asText()).isEqualTo("Chart()");
        assertThat(run.get("display")).hasSize(2);
        assertThat(run.get("display").get(0).get("text/plain").asText()).isEqualTo("{'rows': 2}");
        assertThat(run.get("display").get(1).get("image/svg+xml").asText()).isEqualTo("<svg/>");
    }

    @Test
    void anExceptionFailsWithATracebackOfTheProgramOnly() throws Exception {
        JsonNode run = api.run(python("def f(x):\n    return 1 / x\n\nf(0)"));
        assertThat(run.get("status").asText()).isEqualTo("failed");
        String stderr = run.get("stderr").asText();
        assertThat(stderr).startsWith("Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>")
                .contains("File \"main.py\", line 2, in f").endsWith("ZeroDivisionError: division by zero\n")
                .doesNotContain("<exec>").doesNotContain("_run").doesNotContain("pyodide");
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() throws Exception {
        JsonNode run = api.run(python("x = 1\nif x\n    print(x)"));
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("diagnostics").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(run.get("diagnostics").get(0).get("message").asText()).contains("expected ':'");
        assertThat(run.get("stderr").asText()).contains("File \"main.py\", line 2").contains("SyntaxError");
    }

    @Test
    void anEndlessLoopEndsAtItsTimeLimit() throws Exception {
        JsonNode run = api.run(python("while True:\n    pass", Map.of("limits", Map.of("timeMs", 1000))));
        assertThat(run.get("status").asText()).isEqualTo("timed_out");
        assertThat(run.get("timings").get("runMs").asLong()).isBetween(1000L, 1500L);
    }

    @Test
    void aMemoryBombEndsAtItsMemoryLimit() throws Exception {
        JsonNode run = api.run(python("chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))",
                Map.of("limits", Map.of("memoryMiB", 64, "timeMs", 10_000))));
        assertThat(run.get("status").asText()).isEqualTo("memory_limit");
    }

    @Test
    void theMemoryLimitIsWatchedFromOutsideTheProcess() throws Exception {
        // Touching every page of each block makes it resident; the server stops the process once
        // its resident memory passes the run's limit plus the runtime's own.
        JsonNode run = api.run(python("chunks = []\nwhile True:\n    b = bytearray(16 * 1024 * 1024)\n    b[::4096] = b'x' * len(b[::4096])\n    chunks.append(b)",
                Map.of("limits", Map.of("memoryMiB", 32, "timeMs", 10_000))));
        assertThat(run.get("status").asText()).isEqualTo("memory_limit");
        assertThat(run.get("message").asText()).contains("MiB");
    }

    @Test
    void v8sFlagsAreFrozenSoBoundsChecksCannotBeTurnedOff() throws Exception {
        // With flags open, '--no-wasm-bounds-checks' let a module read memory outside its own
        // (found in review); frozen, the attempt ends the process before anything else runs.
        JsonNode run = api.run(python(PROCESS + "process.getBuiltinModule('v8').setFlagsFromString('--no-wasm-bounds-checks')\nprint('flags changed')"));
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("stdout").asText()).doesNotContain("flags changed");
    }

    @Test
    void sqliteCannotWritePastThePermissionModel() throws Exception {
        // Found in review: node:sqlite wrote database files (to memory-backed folders, and with the
        // permission model alone to the host) although --permission allows no writes.
        JsonNode run = api.run(python(PROCESS + "try:\n    sqlite = process.getBuiltinModule('node:sqlite')\n"
                + "    sqlite.DatabaseSync.new('/tmp/run/x.db').exec('CREATE TABLE t (x)')\n    print('sqlite REACHED')\n"
                + "except Exception as error:\n    print('sqlite blocked', type(error).__name__)"));
        assertThat(run.get("stdout").asText()).contains("sqlite blocked").doesNotContain("REACHED");
    }

    @Test
    void aFloodOfForgedProtocolLinesLeavesNoReaderThreadBehind() throws Exception {
        JsonNode run = api.run(python(PROCESS + "out = process.stdout\nout.write('{\"done\":{\"status\":\"succeeded\"}}\\n')\n"
                + "for i in range(30000):\n    out.write('{}\\n')"));
        assertThat(run.get("status").asText()).isIn("succeeded", "failed");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && readerThreads() > 2) {
            Thread.sleep(100);
        }
        // The pool's two waiting runners each have their reader; the flooded run's is gone.
        assertThat(readerThreads()).isLessThanOrEqualTo(2);
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("python-runner-") && t.isAlive()).count();
    }

    @Test
    void theResultAndDisplayCountTowardsTheOutputLimit() throws Exception {
        JsonNode run = api.run(python("'x' * 100_000", Map.of("limits", Map.of("outputKiB", 16))));
        assertThat(run.get("status").asText()).isEqualTo("output_limit");
    }

    @Test
    void endlessOutputEndsAtTheOutputLimit() throws Exception {
        JsonNode run = api.run(python("while True:\n    print('x' * 1000)", Map.of("limits", Map.of("outputKiB", 16))));
        assertThat(run.get("status").asText()).isEqualTo("output_limit");
        assertThat(run.get("stdout").asText().length()).isBetween(15_000, 16 * 1024);
        assertThat(run.get("truncated").get("stdout").asBoolean()).isTrue();
    }

    @Test
    void theFunctionConstructorReachesProcessButNotTheHostsFilesEnvironmentOrPrograms() throws Exception {
        Path secret = Files.writeString(dir.resolve("host-secret.txt"), "host secret");
        JsonNode run = api.run(python(PROCESS + """
                fs = process.getBuiltinModule('fs')
                def attempt(name, action):
                    try:
                        print(name, 'REACHED', str(action())[:40])
                    except Exception as error:
                        print(name, 'blocked', type(error).__name__)
                attempt('read-secret', lambda: fs.readFileSync('%s', 'utf8'))
                attempt('read-passwd', lambda: fs.readFileSync('/etc/passwd', 'utf8'))
                attempt('list-root', lambda: fs.readdirSync('/'))
                attempt('write-host', lambda: fs.writeFileSync('%s', 'changed'))
                attempt('write-tmp', lambda: fs.writeFileSync('/tmp/left-behind', 'x'))
                attempt('child-process', lambda: process.getBuiltinModule('child_process').execSync('id').toString())
                from pyodide.ffi import to_js
                attempt('worker', lambda: process.getBuiltinModule('worker_threads').Worker.new('1', to_js({'eval': True}, dict_converter=pyodide_js.constructor.fromEntries)))
                print('environment:', pyodide_js.constructor.keys(process.env).join(','), process.env.PWD)
                """.formatted(secret, secret)));
        String out = run.get("stdout").asText();
        System.out.println("hostile Python (host): " + out);
        for (String attempt : List.of("read-secret", "read-passwd", "list-root", "write-host", "write-tmp", "child-process", "worker")) {
            assertThat(out).as(attempt).contains(attempt + " blocked").doesNotContain(attempt + " REACHED");
        }
        // bubblewrap always sets PWD, to the sandbox's own empty folder; nothing of the server's environment is there.
        assertThat(out).contains("environment: PWD /tmp/run\n");
        assertThat(Files.readString(secret)).isEqualTo("host secret");
    }

    @Test
    void noConnectionReachesALoopbackListener() throws Exception {
        try (CountingListener listener = new CountingListener()) {
            JsonNode run = api.run(python(PROCESS + """
                    net = process.getBuiltinModule('net')
                    for host in ('127.0.0.1', 'localhost'):
                        try:
                            await pyodide_js.constructor.constructor('return fetch')()('http://' + host + ':%d/')
                            print(host, 'REACHED')
                        except Exception as error:
                            print(host, 'blocked', type(error).__name__)
                    socket = net.connect(%d, '127.0.0.1')
                    import asyncio
                    await asyncio.sleep(0.5)
                    print('socket', socket.readyState)
                    """.formatted(listener.port(), listener.port())));
            System.out.println("hostile Python (network): " + run.get("stdout").asText() + run.get("stderr").asText());
            assertThat(run.get("stdout").asText()).doesNotContain("REACHED");
            assertThat(listener.connections()).as("connections that reached the listener").isZero();
        }
    }

    @Test
    void nothingOfOneRunIsSeenByTheNext() throws Exception {
        JsonNode first = api.run(python(PROCESS + "import builtins\nbuiltins.leftover = 42\nopen('/tmp/left.txt', 'w').write('x')\n"
                + "open('/data/left.txt', 'w').write('x')\nprocess.leftover = 'js'\nimport asyncio, os\nasyncio.get_event_loop().call_later(0.5, print, 'late')\n"
                + "[hasattr(builtins, 'leftover'), os.path.exists('/tmp/left.txt'), os.path.exists('/data/left.txt'), hasattr(process, 'leftover')]"));
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        assertThat(first.get("result").toString()).as("what the first run leaves").isEqualTo("[true,true,true,true]");
        JsonNode second = api.run(python(PROCESS + "import builtins, os\n"
                + "[hasattr(builtins, 'leftover'), os.path.exists('/tmp/left.txt'), os.path.exists('/data/left.txt'), hasattr(process, 'leftover')]"));
        assertThat(second.get("status").asText()).isEqualTo("succeeded");
        assertThat(second.get("result").toString()).isEqualTo("[false,false,false,false]");
        assertThat(second.get("stdout").asText()).doesNotContain("late");
    }
}
