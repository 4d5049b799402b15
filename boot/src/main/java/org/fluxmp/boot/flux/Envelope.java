package org.fluxmp.boot.flux;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * How the local connector delimits messages on its stream socket: each encoded message is
 * preceded by a 4-byte magic (0xffee0012, in the host's byte order, as written by the C side)
 * and the message size as a big-endian u32.
 */
public final class Envelope {
    static final int MAGIC = 0xffee0012;
    static final int HEADER = 8;
    /** Larger than any answer modprobe asks for; a bigger size means a corrupt stream. */
    static final int MAX_SIZE = 64 << 20;

    private Envelope() {}

    /** The message with its envelope, ready to write. */
    public static ByteBuffer wrap(FluxMessage msg) {
        byte[] body = msg.encode();
        ByteBuffer b = ByteBuffer.allocate(HEADER + body.length);
        b.order(ByteOrder.nativeOrder()).putInt(MAGIC);
        b.order(ByteOrder.BIG_ENDIAN).putInt(body.length).put(body);
        return b.flip();
    }

    /**
     * Reads enveloped messages from a stream that may deliver them in any chunks: several
     * messages in one read, one message over several reads.
     */
    public static final class Reader {
        private final ReadableByteChannel in;
        private ByteBuffer buf = ByteBuffer.allocate(16 << 10);

        public Reader(ReadableByteChannel in) {
            this.in = in;
            buf.flip();
        }

        /**
         * The next message; null when the stream ends cleanly between messages.
         *
         * @throws EOFException when it ends inside a message
         * @throws FluxException (EPROTO) on a bad magic, size or message
         */
        public FluxMessage next() throws IOException, FluxException {
            if (!fill(HEADER)) {
                if (buf.hasRemaining()) {
                    throw new EOFException("connection closed inside a message");
                }
                return null;
            }
            int magic = buf.order(ByteOrder.nativeOrder()).getInt();
            long size = buf.order(ByteOrder.BIG_ENDIAN).getInt() & 0xffffffffL;
            if (magic != MAGIC) {
                throw new FluxException(Errno.EPROTO, "protocol error: bad message magic 0x" + Integer.toHexString(magic));
            }
            if (size > MAX_SIZE) {
                throw new FluxException(Errno.EPROTO, "protocol error: message size " + size);
            }
            if (!fill((int) size)) {
                throw new EOFException("connection closed inside a message");
            }
            byte[] body = new byte[(int) size];
            buf.get(body);
            return FluxMessage.decode(body);
        }

        /**
         * Makes N bytes readable from buf; false at end of stream before that. The buffer grows
         * (doubling) as bytes arrive, not to the size a header claims: a peer that announces 64
         * MiB and sends nothing costs no 64 MiB.
         */
        private boolean fill(int n) throws IOException {
            if (buf.remaining() >= n) {
                return true;
            }
            buf.compact();
            while (buf.position() < n) {
                if (!buf.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(n, 2L * buf.capacity()));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
                if (in.read(buf) < 0) {
                    buf.flip();
                    return false;
                }
            }
            buf.flip();
            return true;
        }
    }
}
