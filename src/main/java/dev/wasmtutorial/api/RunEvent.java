package dev.wasmtutorial.api;

/** One Server-Sent Event of a run: its sequence number (the SSE {@code id:}), name and data. */
record RunEvent(long id, String name, String data) {

    /** The event as it goes on the wire; multi-line data becomes several {@code data:} lines. */
    String frame() {
        StringBuilder sb = new StringBuilder();
        sb.append("id: ").append(id).append('\n').append("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }
}
