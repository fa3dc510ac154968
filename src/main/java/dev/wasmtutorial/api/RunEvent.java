package dev.wasmtutorial.api;

/** One Server-Sent Event of a run: its sequence number (the SSE {@code id:}), name and data. */
record RunEvent(long id, String name, String data) {

    /**
     * The event as it goes on the wire; multi-line data becomes several {@code data:} lines. SSE
     * ends a line at CR, LF or CRLF alike, so each of them in the data is a line break for the
     * client (a lone CR written raw would cut the text after it off); the exact bytes are in the
     * final {@code done} event and in {@code GET /runs/{id}}.
     */
    String frame() {
        StringBuilder sb = new StringBuilder();
        sb.append("id: ").append(id).append('\n').append("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }
}
