package dev.wasmtutorial.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * stdout and stderr of one run, sharing one byte budget. Each write is kept (up to the budget)
 * and handed to the listener as produced; the write that passes the budget keeps what fits,
 * marks the stream truncated and stops the run.
 */
final class CappedOutput {

    private final long capBytes;
    private final RunListener listener;
    private final Stream stdout = new Stream(RunListener.Channel.STDOUT);
    private final Stream stderr = new Stream(RunListener.Channel.STDERR);
    private long used;
    private volatile boolean exceeded;

    CappedOutput(long capBytes, RunListener listener) {
        this.capBytes = capBytes;
        this.listener = listener;
    }

    OutputStream stdout() {
        return stdout;
    }

    OutputStream stderr() {
        return stderr;
    }

    boolean exceeded() {
        return exceeded;
    }

    String stdoutText() {
        return stdout.text();
    }

    String stderrText() {
        return stderr.text();
    }

    boolean stdoutTruncated() {
        return stdout.truncated;
    }

    boolean stderrTruncated() {
        return stderr.truncated;
    }

    private final class Stream extends OutputStream {
        private final RunListener.Channel channel;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Stream(RunListener.Channel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int fits;
            synchronized (CappedOutput.this) {
                fits = (int) Math.min(len, capBytes - used);
                used += fits;
                kept.write(b, off, fits);
            }
            if (fits > 0) {
                listener.output(channel, new String(Arrays.copyOfRange(b, off, off + fits), StandardCharsets.UTF_8));
            }
            if (fits < len) {
                truncated = true;
                exceeded = true;
                throw new LimitExceeded(LimitExceeded.Kind.OUTPUT, "output passed " + capBytes + " bytes");
            }
        }

        synchronized String text() {
            synchronized (CappedOutput.this) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
