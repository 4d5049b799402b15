package org.fluxmp.boot.cache;

import java.io.EOFException;
import java.io.UTFDataFormatException;

/**
 * Reads what {@link java.io.DataOutputStream} wrote (big-endian numbers, modified UTF-8 strings)
 * from a byte array. The boot's own reader: {@code DataInputStream} reads through byte-array var
 * handles, some forty classes of method-handle machinery for a few numbers. The test checks it
 * against DataInputStream.
 */
final class PlanInput {
    private final byte[] b;
    private final int end;
    private int pos;

    PlanInput(byte[] bytes, int offset, int length) {
        this.b = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    byte[] bytes() {
        return b;
    }

    int position() {
        return pos;
    }

    /** How many bytes are left to read. */
    int remaining() {
        return end - pos;
    }

    /** Skips N bytes, which must be there. */
    void skip(int n) throws EOFException {
        if (n < 0 || n > end - pos) {
            throw new EOFException();
        }
        pos += n;
    }

    private int next() throws EOFException {
        if (pos >= end) {
            throw new EOFException();
        }
        return b[pos++] & 0xff;
    }

    byte readByte() throws EOFException {
        return (byte) next();
    }

    boolean readBoolean() throws EOFException {
        return next() != 0;
    }

    int readInt() throws EOFException {
        return next() << 24 | next() << 16 | next() << 8 | next();
    }

    long readLong() throws EOFException {
        return (long) readInt() << 32 | (readInt() & 0xffffffffL);
    }

    void readFully(byte[] into) throws EOFException {
        if (end - pos < into.length) {
            throw new EOFException();
        }
        System.arraycopy(b, pos, into, 0, into.length);
        pos += into.length;
    }

    String readUTF() throws EOFException, UTFDataFormatException {
        int n = next() << 8 | next();
        if (end - pos < n) {
            throw new EOFException();
        }
        int stop = pos + n;
        char[] out = new char[n];
        int len = 0;
        while (pos < stop) {
            int c = b[pos++] & 0xff;
            if (c < 0x80) {
                out[len++] = (char) c;
            } else if ((c & 0xe0) == 0xc0) {
                out[len++] = (char) ((c & 0x1f) << 6 | continuation(stop));
            } else if ((c & 0xf0) == 0xe0) {
                int c2 = continuation(stop);
                out[len++] = (char) ((c & 0x0f) << 12 | c2 << 6 | continuation(stop));
            } else {
                throw new UTFDataFormatException("malformed input around byte " + (pos - 1));
            }
        }
        return new String(out, 0, len);
    }

    private int continuation(int stop) throws UTFDataFormatException {
        if (pos >= stop || (b[pos] & 0xc0) != 0x80) {
            throw new UTFDataFormatException("malformed input: partial character at end");
        }
        return b[pos++] & 0x3f;
    }
}
