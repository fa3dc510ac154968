package dev.wasmtutorial.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler's sandbox on its own, without the source screen in front of it: what a program
 * started in it can see. Needs bwrap (bubblewrap), which .ci/run installs.
 */
class CompilerSandboxTest {

    @TempDir
    Path dir;

    private String run(String script) throws Exception {
        CompilerSandbox sandbox = CompilerSandbox.probe();
        assertThat(sandbox.unavailable()).as("bwrap must work here (apt-get install bubblewrap)").isEmpty();
        Process p = new ProcessBuilder(sandbox.wrap(List.of("/bin/sh", "-c", script), dir)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theCompilerSeesUsrAndItsOwnFolderOnly() throws Exception {
        Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        Path project = Path.of("pom.xml").toAbsolutePath();
        String out = run("for f in /etc/passwd /etc/hostname /root /home " + project + "; do"
                + " if [ -e \"$f\" ]; then echo \"seen $f\"; else echo \"absent $f\"; fi; done;"
                + " ls /proc | grep -c '^[0-9]'; cat main.c; echo made > out.txt; test -x /usr/bin/emcc && echo emcc");
        assertThat(out).contains("absent /etc/passwd", "absent /etc/hostname", "absent /root", "absent /home", "absent " + project)
                .doesNotContain("seen ");
        assertThat(out).contains("int main(void)").contains("emcc");
        // Its own processes only (the shell and ls, grep), none of the server's.
        assertThat(Integer.parseInt(out.lines().filter(l -> l.matches("\\d+")).findFirst().orElseThrow())).isLessThan(6);
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("made\n");
    }

    @Test
    void noNetwork() throws Exception {
        // Only a loopback interface that is down: no route anywhere.
        assertThat(run("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '")).isEqualTo("lo\n");
    }

    @Test
    void sourceTheScreenMissesStillCannotEmbedAHostFile() throws Exception {
        Files.writeString(dir.resolve("main.c"), """
                __asm__(".section .rodata.x,\\"\\",@\\n.globl x\\nx:\\n.incbin \\"/etc/hostname\\"\\n.byte 0\\n");
                extern const char x[];
                int main(void) { return x[0]; }
                """);
        String out = run("NODE_PATH=/usr/share/nodejs HOME=$PWD emcc -O2 main.c -o main.wasm; echo exit=$?");
        assertThat(out).contains("Could not find incbin file '/etc/hostname'").contains("exit=1");
        assertThat(dir.resolve("main.wasm")).doesNotExist();
    }
}
