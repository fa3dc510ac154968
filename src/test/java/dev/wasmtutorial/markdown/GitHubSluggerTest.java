package dev.wasmtutorial.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubSluggerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Install & Run (Lecture Quickstart)|install--run-lecture-quickstart",
            "OS Illusion (stack view)|os-illusion-stack-view",
            "JS-Wasm round trip (browser)|js-wasm-round-trip-browser",
            "Syscall round trip (sequence)|syscall-round-trip-sequence",
            "What is `fd_write`?|what-is-fd_write",
            "Part II: Pyodide|part-ii-pyodide",
            "JS <-> Wasm|js---wasm",
            "Ünïcode Wörds 123|ünïcode-wörds-123",
            "Two  spaces|two--spaces"
    })
    void matchesGitHub(String heading, String slug) {
        assertThat(new GitHubSlugger().slug(heading)).isEqualTo(slug);
    }

    @Test
    void repeatsGetNumberedSuffixesLikeGitHub() {
        GitHubSlugger slugger = new GitHubSlugger();
        assertThat(slugger.slug("Example")).isEqualTo("example");
        assertThat(slugger.slug("Example")).isEqualTo("example-1");
        assertThat(slugger.slug("Example")).isEqualTo("example-2");
        assertThat(slugger.slug("Example 1")).isEqualTo("example-1-1");
    }
}
