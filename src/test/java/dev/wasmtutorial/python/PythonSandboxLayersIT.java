package dev.wasmtutorial.python;

import dev.wasmtutorial.CountingListener;
import dev.wasmtutorial.sandbox.RunListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the two layers around server-side Python on its own, against the same hostile program:
 * what the table in content/what_the_sandbox_protects.md says each one takes away, it takes away
 * without the other; what it says each one leaves, the program indeed gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonSandboxLayersIT {

    private final PythonSandbox sandbox = PythonSandbox.forProject(Path.of(""));
    private CountingListener listener;
    private Path hostFile;

    @BeforeAll
    void start() throws Exception {
        assertThat(sandbox.unavailable()).as("this machine has bwrap, Node and Pyodide (./mvnw package)").isEmpty();
        listener = new CountingListener();
        hostFile = Path.of("pom.xml").toAbsolutePath();
    }

    @AfterAll
    void stop() throws Exception {
        listener.close();
    }

    /** Runs the hostile program by {@code command}; returns its report, one "name: REACHED|blocked" line per attempt. */
    private String attack(List<String> command, Path written) throws Exception {
        String program = """
                import pyodide_js, asyncio
                process = pyodide_js.constructor.constructor('return process')()
                def attempt(name, action):
                    try:
                        action()
                        print(name + ': REACHED')
                    except Exception as error:
                        print(name + ': blocked')
                attempt('host-file', lambda: process.getBuiltinModule('fs').readFileSync('%s', 'utf8'))
                attempt('etc-passwd', lambda: process.getBuiltinModule('fs').readFileSync('/etc/passwd', 'utf8'))
                attempt('write', lambda: process.getBuiltinModule('fs').writeFileSync('%s', 'x'))
                def child():
                    if process.getBuiltinModule('child_process').spawnSync('/usr/bin/true').status != 0:
                        raise PermissionError('did not run')
                attempt('child-process', child)
                def environment():
                    if process.env.PATH is None:
                        raise PermissionError('no PATH')
                attempt('environment', environment)
                from pyodide.ffi import create_proxy
                socket = process.getBuiltinModule('net').connect(%d, '127.0.0.1')
                socket.on('error', create_proxy(lambda error: None))  # refused: nothing listens in there
                await asyncio.sleep(1)
                """.formatted(hostFile, written, listener.port());
        try (PythonProcess process = new PythonProcess(command)) {
            process.ready().get(120, java.util.concurrent.TimeUnit.SECONDS);
            PythonOutcome outcome = process.run(program, "", List.of(), Map.of(), 10_000, 64, 1 << 20, RunListener.NONE);
            assertThat(outcome.status()).as(outcome.message() + "\n" + outcome.stderr()).isEqualTo(PythonOutcome.Status.SUCCEEDED);
            return outcome.stdout();
        }
    }

    @Test
    void theOperatingSystemLayerAloneHidesHostFilesTheEnvironmentAndTheNetwork() throws Exception {
        Path written = Path.of("/tmp/python-layer-test-" + ProcessHandle.current().pid());
        Files.deleteIfExists(written);
        int before = listener.connections();
        String report = attack(sandbox.osLayer(sandbox.runtime(false)), written);
        assertThat(report).contains("host-file: blocked", "etc-passwd: blocked", "environment: blocked");
        assertThat(listener.connections()).as("connections from the sandbox to a host listener").isEqualTo(before);
        // What it leaves: writes and programs, inside its own empty /tmp and /usr.
        assertThat(report).contains("write: REACHED", "child-process: REACHED");
        assertThat(written).as("the write went to the sandbox's own /tmp").doesNotExist();
    }

    @Test
    void theRuntimeLayerAloneRefusesFilesWritesAndChildProcesses() throws Exception {
        Path written = Files.createTempDirectory("python-layer-").resolve("written.txt");
        int before = listener.connections();
        String report = attack(sandbox.runtime(true), written);
        assertThat(report).contains("host-file: blocked", "etc-passwd: blocked", "write: blocked", "child-process: blocked");
        assertThat(written).doesNotExist();
        // What it leaves, for the other layer to take away: the environment and the network.
        assertThat(report).contains("environment: REACHED");
        for (int i = 0; i < 40 && listener.connections() == before; i++) {
            Thread.sleep(50);
        }
        assertThat(listener.connections()).as("connections from the runtime layer alone").isGreaterThan(before);
    }
}
