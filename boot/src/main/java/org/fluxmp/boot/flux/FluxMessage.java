package org.fluxmp.boot.flux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Flux message (RFC 3) and its encoding as the local connector sends it: optional route
 * frames and an empty delimiter frame, an optional topic frame, an optional payload frame, then
 * the 20-byte PROTO frame (magic 0x8e, version 1, type, flags, then userid, rolemask, aux1 =
 * nodeid/errnum and aux2 = matchtag, each a big-endian u32). A frame is a length byte (below
 * 255) or 0xff and a big-endian u32 length, then the bytes.
 *
 * <p>Routes, topic and payload are present exactly when the ROUTE, TOPIC and PAYLOAD flags say
 * so; a JSON payload carries a trailing NUL byte, as libflux sends it.
 */
public record FluxMessage(int type, int flags, int userid, int rolemask, int aux1, int aux2,
        List<String> routes, String topic, byte[] payload) {

    public static final int REQUEST = 0x01;
    public static final int RESPONSE = 0x02;
    public static final int EVENT = 0x04;
    public static final int CONTROL = 0x08;

    public static final int FLAG_TOPIC = 0x01;
    public static final int FLAG_PAYLOAD = 0x02;
    public static final int FLAG_NORESPONSE = 0x04;
    public static final int FLAG_ROUTE = 0x08;

    public static final int NODEID_ANY = 0xffffffff;
    public static final int USERID_UNKNOWN = 0xffffffff;
    public static final int ROLE_NONE = 0;
    public static final int MATCHTAG_NONE = 0;

    static final int PROTO_MAGIC = 0x8e;
    static final int PROTO_VERSION = 1;
    static final int PROTO_SIZE = 20;

    public FluxMessage {
        if (type != REQUEST && type != RESPONSE && type != EVENT && type != CONTROL) {
            throw new IllegalArgumentException("invalid message type " + type);
        }
        if (((flags & FLAG_TOPIC) != 0) != (topic != null)
                || ((flags & FLAG_PAYLOAD) != 0) != (payload != null)
                || ((flags & FLAG_ROUTE) != 0) != (routes != null)) {
            throw new IllegalArgumentException("flags 0x" + Integer.toHexString(flags)
                    + " disagree with the frames present");
        }
        routes = routes == null ? null : List.copyOf(routes);
    }

    /**
     * A request as a client sends it through the local connector: routable with no route yet,
     * credentials left for the broker to fill in, to any node.
     */
    public static FluxMessage request(String topic, byte[] payload, int matchtag) {
        int flags = FLAG_TOPIC | FLAG_ROUTE | (payload != null ? FLAG_PAYLOAD : 0);
        return new FluxMessage(REQUEST, flags, USERID_UNKNOWN, ROLE_NONE, NODEID_ANY, matchtag, List.of(), topic,
                payload);
    }

    /** JSON text as a payload: UTF-8 with the trailing NUL libflux adds. */
    public static byte[] jsonPayload(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(text, text.length + 1);
    }

    public int matchtag() {
        return aux2;
    }

    /** A response's error number (0 = success). */
    public int errnum() {
        return aux1;
    }

    public int nodeid() {
        return aux1;
    }

    /** The payload as text without its trailing NUL, or null without a payload. */
    public String payloadText() {
        if (payload == null) {
            return null;
        }
        int n = payload.length;
        if (n > 0 && payload[n - 1] == 0) {
            n--;
        }
        return new String(payload, 0, n, StandardCharsets.UTF_8);
    }

    /** The text of an error response: the broker's message if it sent one, else strerror(errnum). */
    public String errorText() {
        String text = payloadText();
        return text != null && !text.isEmpty() ? text : Errno.text(errnum());
    }

    public byte[] encode() {
        List<byte[]> frames = frames();
        int size = 0;
        for (byte[] f : frames) {
            size += (f.length < 0xff ? 1 : 5) + f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        for (byte[] f : frames) {
            if (f.length < 0xff) {
                b.put((byte) f.length);
            } else {
                b.put((byte) 0xff).putInt(f.length);
            }
            b.put(f);
        }
        return b.array();
    }

    private List<byte[]> frames() {
        List<byte[]> frames = new ArrayList<>();
        if (routes != null) {
            for (String r : routes) {
                frames.add(r.getBytes(StandardCharsets.UTF_8));
            }
            frames.add(new byte[0]);
        }
        if (topic != null) {
            frames.add(topic.getBytes(StandardCharsets.UTF_8));
        }
        if (payload != null) {
            frames.add(payload);
        }
        frames.add(ByteBuffer.allocate(PROTO_SIZE).put((byte) PROTO_MAGIC).put((byte) PROTO_VERSION).put((byte) type)
                .put((byte) flags).putInt(userid).putInt(rolemask).putInt(aux1).putInt(aux2).array());
        return frames;
    }

    /** Decodes one message; a malformed one is a protocol error (EPROTO), as libflux treats it. */
    public static FluxMessage decode(byte[] buf) throws FluxException {
        List<byte[]> frames = frames(buf);
        if (frames.isEmpty()) {
            throw protocol("no frames");
        }
        ByteBuffer p = ByteBuffer.wrap(frames.get(frames.size() - 1));
        if (p.remaining() != PROTO_SIZE || (p.get() & 0xff) != PROTO_MAGIC || p.get() != PROTO_VERSION) {
            throw protocol("bad PROTO frame");
        }
        int type = p.get() & 0xff;
        int flags = p.get() & 0xff;
        int userid = p.getInt();
        int rolemask = p.getInt();
        int aux1 = p.getInt();
        int aux2 = p.getInt();
        if (type != REQUEST && type != RESPONSE && type != EVENT && type != CONTROL) {
            throw protocol("invalid message type " + type);
        }
        int last = frames.size() - 1; // frames before the PROTO frame
        int i = 0;
        List<String> routes = null;
        if ((flags & FLAG_ROUTE) != 0) {
            routes = new ArrayList<>();
            while (i < last && frames.get(i).length > 0) {
                routes.add(new String(frames.get(i++), StandardCharsets.UTF_8));
            }
            if (i == last) {
                throw protocol("missing route delimiter");
            }
            i++;
        }
        String topic = null;
        if ((flags & FLAG_TOPIC) != 0) {
            if (i == last) {
                throw protocol("missing topic frame");
            }
            topic = new String(frames.get(i++), StandardCharsets.UTF_8);
        }
        byte[] payload = null;
        if ((flags & FLAG_PAYLOAD) != 0) {
            if (i == last) {
                throw protocol("missing payload frame");
            }
            payload = frames.get(i++);
        }
        if (i != last) {
            throw protocol("unexpected frames");
        }
        return new FluxMessage(type, flags, userid, rolemask, aux1, aux2, routes, topic, payload);
    }

    /** BUF's frames, each a length (one byte, or 0xff and four) and that many bytes. */
    private static List<byte[]> frames(byte[] buf) throws FluxException {
        List<byte[]> frames = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(buf);
        while (b.hasRemaining()) {
            long n = b.get() & 0xff;
            if (n == 0xff) {
                if (b.remaining() < 4) {
                    throw protocol("truncated frame length");
                }
                n = b.getInt() & 0xffffffffL;
            }
            if (n > b.remaining()) {
                throw protocol("frame longer than the message");
            }
            byte[] f = new byte[(int) n];
            b.get(f);
            frames.add(f);
        }
        return frames;
    }

    private static FluxException protocol(String what) {
        return new FluxException(Errno.EPROTO, "protocol error: " + what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FluxMessage m && type == m.type && flags == m.flags && userid == m.userid
                && rolemask == m.rolemask && aux1 == m.aux1 && aux2 == m.aux2 && Objects.equals(routes, m.routes)
                && Objects.equals(topic, m.topic) && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, flags, aux1, aux2, topic, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "FluxMessage[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", userid=" + Integer.toUnsignedString(userid)
                + ", rolemask=" + rolemask + ", aux1=" + Integer.toUnsignedString(aux1) + ", matchtag="
                + Integer.toUnsignedString(aux2) + ", routes=" + routes + ", topic=" + topic + ", payload="
                + payloadText() + "]";
    }
}
