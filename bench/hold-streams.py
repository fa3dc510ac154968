#!/usr/bin/env python3
"""Holds N idle Server-Sent Events streams open (one socket each, no thread per stream).

Usage: hold-streams.py HOST PORT PATH N
Prints "open N" once every stream has answered 200 text/event-stream, then waits. On SIGTERM it
reports how many streams are still open (not closed by the server) and resets them all at once
(SO_LINGER 0: an abrupt close, like killed browser tabs), then exits.
"""
import signal
import socket
import struct
import sys

host, port, path, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
streams = []
for i in range(count):
    s = socket.create_connection((host, port), timeout=10)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(4096)
        if not chunk:
            sys.exit(f"error: stream {i} closed before its headers")
        head += chunk
    status = head.split(b"\r\n", 1)[0]
    if b" 200 " not in status or b"text/event-stream" not in head.lower():
        sys.exit(f"error: stream {i} answered {status.decode(errors='replace')}")
    s.setblocking(False)
    streams.append(s)
print(f"open {len(streams)}", flush=True)


def still_open(s):
    try:
        while True:
            if not s.recv(4096):
                return False  # orderly close by the server
    except BlockingIOError:
        return True  # nothing to read, not closed
    except OSError:
        return False


def close_all(*_):
    alive = sum(still_open(s) for s in streams)
    for s in streams:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    print(f"still open before reset: {alive} of {len(streams)}; reset all", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, close_all)
while True:
    signal.pause()
