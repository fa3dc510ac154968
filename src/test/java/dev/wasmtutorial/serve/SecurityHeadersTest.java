package dev.wasmtutorial.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    /**
     * The Python sandbox frame's only script is inline, allowed by its hash: if the loader in
     * python-runner.js changes and the policy does not, the browser refuses to run it and Python
     * never starts on a host that sends this policy.
     */
    @Test
    void thePolicyAllowsThePythonFrameLoaderAsWritten() throws Exception {
        String runner = Files.readString(Path.of("templates/assets/python-runner.js"));
        Matcher declaration = Pattern.compile("export const FRAME_LOADER = ([\\s\\S]*?);\\n").matcher(runner);
        assertThat(declaration.find()).as("FRAME_LOADER in python-runner.js").isTrue();
        // The constant is written as double-quoted literals joined with '+', none with escapes.
        Matcher literal = Pattern.compile("\"([^\"\\\\]*)\"").matcher(declaration.group(1));
        StringBuilder loader = new StringBuilder();
        while (literal.find()) {
            loader.append(literal.group(1));
        }
        assertThat(loader).contains("import(URL.createObjectURL");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(loader.toString().getBytes(StandardCharsets.UTF_8));
        String hash = "sha256-" + Base64.getEncoder().encodeToString(digest);
        assertThat(SecurityHeaders.PYTHON_FRAME_LOADER_SHA256).isEqualTo(hash);
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("'" + hash + "'");
    }

    @Test
    void scriptsStayLimitedToTheSiteTheLoaderAndBlobs() {
        String scripts = SecurityHeaders.CONTENT_SECURITY_POLICY.split("script-src ")[1].split(";")[0];
        assertThat(scripts.split(" ")).containsExactlyInAnyOrder("'self'", "'wasm-unsafe-eval'", "blob:",
                "'" + SecurityHeaders.PYTHON_FRAME_LOADER_SHA256 + "'");
    }
}
