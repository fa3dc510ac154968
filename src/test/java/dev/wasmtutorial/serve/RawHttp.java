package dev.wasmtutorial.serve;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that no client library can normalise (or refuse to send) a
 * malformed request line, an oversized header or a foreign {@code Host}.
 */
record RawHttp(int status, Map<String, String> headers, String body, String text) {

    /** Sends {@code request} exactly as given (it must ask for {@code Connection: close}) and reads the whole answer. */
    static RawHttp send(int port, String request) throws Exception {
        return send("127.0.0.1", port, request);
    }

    static RawHttp send(String address, int port, String request) throws Exception {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(buffer);
            return parse(buffer.toString(StandardCharsets.ISO_8859_1));
        }
    }

    /** A GET of {@code path} with the given {@code Host} (null: none). */
    static RawHttp get(int port, String path, String host) throws Exception {
        return send(port, "GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                + "Connection: close\r\n\r\n");
    }

    private static RawHttp parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        return new RawHttp(Integer.parseInt(lines[0].substring(9, 12)), headers, end < 0 ? "" : text.substring(end + 4), text);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
