package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message boundaries on the stream: chunks hold several messages or parts of one. */
class EnvelopeTest {
    /** A channel that hands out its bytes at most N at a time. */
    private static ReadableByteChannel trickle(byte[] bytes, int n) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) {
                if (!src.hasRemaining()) {
                    return -1;
                }
                int k = Math.min(n, Math.min(src.remaining(), dst.remaining()));
                for (int i = 0; i < k; i++) {
                    dst.put(src.get());
                }
                return k;
            }

            @Override public boolean isOpen() { return true; }
            @Override public void close() { }
        };
    }

    private static List<FluxMessage> readAll(ReadableByteChannel ch) throws Exception {
        Envelope.Reader r = new Envelope.Reader(ch);
        List<FluxMessage> out = new ArrayList<>();
        FluxMessage m;
        while ((m = r.next()) != null) {
            out.add(m);
        }
        return out;
    }

    @Test
    void messagesArrivingOneByteAtATimeAreTheSameMessages() throws Exception {
        WireCapture c = WireCapture.read("concurrent-rpcs");
        byte[] s2c = c.stream(false);
        byte[] body = Arrays.copyOfRange(s2c, 1, s2c.length);
        assertEquals(c.responses(), readAll(trickle(body, 1)));
    }

    @Test
    void aLargeMessageSplitOverReadsIsReassembled() throws Exception {
        WireCapture c = WireCapture.read("module-list");
        byte[] s2c = c.stream(false);
        byte[] body = Arrays.copyOfRange(s2c, 1, s2c.length);
        assertEquals(c.responses(), readAll(trickle(body, 100)));
    }

    @Test
    void aStreamEndingBetweenMessagesEndsCleanly() throws Exception {
        assertNull(new Envelope.Reader(trickle(new byte[0], 8)).next());
    }

    @Test
    void aStreamEndingInsideAMessageIsAnError() {
        byte[] req = WireCapture.read("getattr-rank").stream(true);
        Envelope.Reader r = new Envelope.Reader(trickle(Arrays.copyOf(req, req.length - 5), 8));
        assertThrows(EOFException.class, r::next);
    }

    @Test
    void aWrongMagicIsAProtocolError() {
        byte[] req = WireCapture.read("getattr-rank").stream(true);
        req[0] ^= 0x55;
        Envelope.Reader r = new Envelope.Reader(trickle(req, 64));
        assertEquals(Errno.EPROTO, assertThrows(FluxException.class, r::next).errnum());
    }

    @Test
    void anAbsurdSizeIsAProtocolError() {
        byte[] req = WireCapture.read("getattr-rank").stream(true);
        req[4] = 0x7f;
        Envelope.Reader r = new Envelope.Reader(trickle(req, 64));
        assertEquals(Errno.EPROTO, assertThrows(FluxException.class, r::next).errnum());
    }
}
