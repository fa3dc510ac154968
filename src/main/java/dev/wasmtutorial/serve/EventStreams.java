package dev.wasmtutorial.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-Sent Event streams without a thread per stream, for live reload and run events alike.
 * A stream is an open response that the handler has returned from; events are queued on it and
 * written with one outstanding asynchronous write at a time. Each stream's queue is bounded (a
 * client that cannot keep up is dropped, and may reconnect with {@code Last-Event-ID}); the
 * number of streams is capped (the caller answers 503 beyond it); a heartbeat comment keeps
 * idle connections open and finds dead ones; a failed write or a connection failure frees the
 * stream at once.
 */
public final class EventStreams implements AutoCloseable {

    /**
     * Per stream: this many unsent bytes when the next event comes and the client is too slow to
     * keep. An event itself may be larger (a run's final event carries its whole output, up to the
     * output cap, JSON-escaped): it is queued as long as what waits before it is under the cap.
     */
    static final int MAX_PENDING_BYTES = 1 << 20;

    private final int maxStreams;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledExecutorService heartbeat;

    /**
     * @param maxStreams   streams open at once before {@link #open} refuses
     * @param heartbeatMs  how often idle streams get a comment line
     */
    public EventStreams(int maxStreams, long heartbeatMs) {
        this.maxStreams = maxStreams;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> open.forEach(s -> s.send(": heartbeat\n\n")), heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
    }

    public int openCount() {
        return count.get();
    }

    /**
     * Starts an event stream on this response, or returns null when {@code maxStreams} are open
     * (nothing has been written then; answer 503). The handler must return true afterwards and
     * not complete the callback itself: the stream does, when it closes.
     */
    public Stream open(Request request, Response response, Callback callback) {
        if (count.incrementAndGet() > maxStreams) {
            count.decrementAndGet();
            return null;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // The connection ends with the stream: nothing else is read from it, which lets
        // watchForClose read it while the response is open.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Stream stream = new Stream(response, callback);
        open.add(stream);
        request.addFailureListener(stream::fail);
        watchForClose(request.getConnectionMetaData().getConnection().getEndPoint(), stream);
        stream.send(": connected\n\n");
        return stream;
    }

    /**
     * Jetty does not read an HTTP/1.1 connection while its response is still open, so a client
     * that goes away would go unnoticed until the next write. Waiting for the connection to
     * become readable notices it at once: an event-stream client sends nothing, so readable
     * means closed (or misbehaving), and either way the stream ends.
     */
    private void watchForClose(EndPoint endPoint, Stream stream) {
        if (stream.isDone()) {
            return;
        }
        boolean watching = endPoint.tryFillInterested(Callback.from(() -> {
            try {
                int read = endPoint.fill(BufferUtil.allocate(64));
                if (read == 0) {
                    watchForClose(endPoint, stream); // spurious wake-up
                } else {
                    stream.fail(new IllegalStateException(read < 0 ? "client closed the connection" : "client sent data on an event stream"));
                }
            } catch (IOException e) {
                stream.fail(e);
            }
        }, stream::fail));
        if (!watching) { // the connection is still reading the request: try again shortly
            heartbeat.schedule(() -> watchForClose(endPoint, stream), 50, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        new ArrayList<>(open).forEach(Stream::close);
    }

    /** One open response. Thread-safe; never blocks. */
    public final class Stream {
        private final Response response;
        private final Callback callback;
        private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
        private final List<Runnable> closeListeners = new ArrayList<>();
        private int pendingBytes;
        private boolean writing;
        private boolean closing;
        private boolean done;

        private Stream(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        synchronized boolean isDone() {
            return done;
        }

        /** Queues one event (a complete SSE frame, ending in a blank line). */
        public void send(String frame) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                if (closing || done) {
                    return;
                }
                if (pendingBytes >= MAX_PENDING_BYTES) {
                    // fall through to fail() outside the lock
                } else {
                    pending.add(bytes);
                    pendingBytes += bytes.length;
                    flush();
                    return;
                }
            }
            fail(new IllegalStateException("client too slow"));
        }

        /** Ends the response once what is queued has been written. */
        public void close() {
            synchronized (this) {
                if (closing || done) {
                    return;
                }
                closing = true;
                flush();
            }
        }

        /** Runs {@code listener} once when the stream ends, whichever way. */
        public void onClose(Runnable listener) {
            boolean now;
            synchronized (this) {
                now = done;
                if (!now) {
                    closeListeners.add(listener);
                }
            }
            if (now) {
                listener.run();
            }
        }

        /** Called holding the lock: starts the next write if none is outstanding. */
        private void flush() {
            if (writing || done) {
                return;
            }
            if (pending.isEmpty()) {
                if (closing) {
                    writing = true;
                    response.write(true, BufferUtil.EMPTY_BUFFER, Callback.from(() -> end(null), this::fail));
                }
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate(pendingBytes);
            pending.forEach(buffer::put);
            buffer.flip();
            pending.clear();
            pendingBytes = 0;
            writing = true;
            response.write(false, buffer, Callback.from(this::written, this::fail));
        }

        private void written() {
            synchronized (this) {
                writing = false;
                flush();
            }
        }

        private void fail(Throwable failure) {
            end(failure == null ? new IllegalStateException("stream failed") : failure);
        }

        private void end(Throwable failure) {
            List<Runnable> listeners;
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                pending.clear();
                pendingBytes = 0;
                listeners = List.copyOf(closeListeners);
                closeListeners.clear();
            }
            // Listeners first: once a stream no longer counts as open, whoever watched it (the live
            // reload's client list, a run's subscribers) has let go of it too.
            listeners.forEach(Runnable::run);
            if (open.remove(this)) {
                count.decrementAndGet();
            }
            if (failure == null) {
                callback.succeeded();
            } else {
                callback.failed(failure);
            }
        }
    }
}
