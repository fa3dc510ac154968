package dev.wasmtutorial.content;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFilesTest {

    @Test
    void invalidUtf8NamesTheLineAndByte() {
        byte[] latin1 = "line one\nline two\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextFiles.decode(latin1, "content/x.md"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine())
                        .isEqualTo("content/x.md:3: error: not valid UTF-8 (byte 0xE9 at offset 21) (hint: save the file as UTF-8)"));
    }

    @Test
    void byteOrderMarkIsDropped() {
        byte[] withBom = "\uFEFF---\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TextFiles.decode(withBom, "a.md")).isEqualTo("---\n");
    }
}
