package dev.wasmtutorial.content;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads author files as strict UTF-8: an invalid byte is an error with its line number,
 * never a silent U+FFFD in the published page.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * @param file    the file to read
     * @param display the name to use in messages
     */
    public static String readUtf8(Path file, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BuildException(SourceLocation.of(display), "file not found", "check the path");
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(display), "cannot read file: " + e.getMessage(), null, e);
        }
        return decodeUtf8(bytes, display);
    }

    static String decodeUtf8(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new BuildException(new SourceLocation(display, lineOf(bytes, offset)),
                    String.format("not valid UTF-8 (byte 0x%02X at offset %d)", bytes[offset] & 0xFF, offset),
                    "save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // A byte-order mark is valid UTF-8 but would end up inside the first heading.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** CRLF and old-Mac CR-only line endings become '\n' (CommonMark treats all three as line ends). */
    public static String normalizeLineEndings(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Same as {@link #readUtf8} but reports a wrapped coding error, for callers that already have bytes. */
    public static String decode(byte[] bytes, String display) {
        return decodeUtf8(bytes, display);
    }

}
