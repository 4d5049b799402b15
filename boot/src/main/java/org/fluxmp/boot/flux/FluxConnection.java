package org.fluxmp.boot.flux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of the broker's local connector ({@code FLUX_URI=local://PATH}), in pure Java: a
 * Unix-domain stream socket, a one-byte handshake (the broker sends 0 to accept, an errno to
 * refuse), then enveloped messages both ways.
 *
 * <p>Any number of RPCs may be in flight: each request gets its own matchtag and one reader
 * thread hands every response to the caller waiting on that tag. Each RPC waits at most its
 * timeout; when the broker closes the connection every waiting caller fails at once.
 */
public final class FluxConnection implements AutoCloseable {
    /** The default wait for an answer: long enough for a slow module load, short enough to end a stuck rc1. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Path socket;
    private final ByteChannel channel;
    private final Duration timeout;
    private final Object writeLock = new Object();
    private final Map<Integer, Reply<FluxMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextTag = new AtomicInteger(1);
    private final Reply<Void> handshake = new Reply<>();
    /** Why the connection is no longer usable; null while it is. */
    private volatile FluxException closed;

    private FluxConnection(Path socket, ByteChannel channel, Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.timeout = timeout;
    }

    /** Connects to the broker socket and completes the handshake; RPCs then wait at most TIMEOUT each. */
    public static FluxConnection open(Path socket, Duration timeout) throws FluxException {
        ByteChannel ch = null;
        try {
            if (UnixSocket.available()) {
                ch = UnixSocket.connect(socket);
            } else {
                SocketChannel jdk = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch = jdk;
                jdk.connect(UnixDomainSocketAddress.of(socket));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new FluxException(Errno.number(why), "cannot connect to the broker at " + socket + ": " + why);
        }
        FluxConnection c = new FluxConnection(socket, ch, timeout);
        synchronized (OPEN) {
            OPEN.add(c);
        }
        Thread reader = new Thread(new Runnable() {
            @Override
            public void run() {
                c.readLoop();
            }
        }, "flux-connection " + socket);
        reader.setDaemon(true);
        reader.start();
        try {
            c.handshake.get(HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            c.close();
            throw (FluxException) e.getCause();
        } catch (TimeoutException e) {
            c.close();
            throw new FluxException(Errno.ETIMEDOUT, "the broker at " + socket + " did not complete the handshake in "
                    + seconds(HANDSHAKE_TIMEOUT));
        } catch (InterruptedException e) {
            c.close();
            Thread.currentThread().interrupt();
            throw new FluxException(Errno.EINTR, "interrupted while connecting to the broker");
        }
        return c;
    }

    public static FluxConnection open(Path socket) throws FluxException {
        return open(socket, DEFAULT_TIMEOUT);
    }

    public Path socket() {
        return socket;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean isOpen() {
        return closed == null;
    }

    /**
     * Sends a request (PAYLOAD null for none) and returns its response, which may be an error
     * response; the future fails with a FluxException when the connection goes away first.
     */
    public Reply<FluxMessage> send(String topic, byte[] payload) {
        Reply<FluxMessage> f = new Reply<>();
        int tag = register(f);
        FluxException why = closed;
        if (why != null) {
            pending.remove(tag, f);
            f.fail(why);
            return f;
        }
        ByteBuffer out = Envelope.wrap(FluxMessage.request(topic, payload, tag));
        try {
            synchronized (writeLock) {
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            }
        } catch (IOException e) {
            shutdown(lost(e));
            f.fail(closed);
        }
        return f;
    }

    /** An RPC with the connection's timeout: the response's JSON text (null without payload), or the broker's error. */
    public String rpc(String topic, String json) throws FluxException {
        return rpc(topic, json, timeout);
    }

    /** An RPC waiting at most WAIT (null: no limit). */
    public String rpc(String topic, String json, Duration wait) throws FluxException {
        return answer(topic, send(topic, json == null ? null : FluxMessage.jsonPayload(json)), wait);
    }

    /** Requests sent ahead ({@link #send}) are read back here: the response's JSON text, or the broker's error. */
    public String answer(String topic, Reply<FluxMessage> f) throws FluxException {
        return answer(topic, f, timeout);
    }

    private String answer(String topic, Reply<FluxMessage> f, Duration wait) throws FluxException {
        FluxMessage m;
        try {
            m = wait == null ? f.get() : f.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            FluxException t = new FluxException(Errno.ETIMEDOUT, topic + ": no answer from the broker in " + seconds(wait));
            forget(f); // frees the matchtag; a late answer is dropped
            f.fail(t);
            throw t;
        } catch (ExecutionException e) {
            FluxException c = (FluxException) e.getCause();
            throw new FluxException(c.errnum(), topic + ": " + c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(f);
            f.fail(new FluxException(Errno.EINTR, "interrupted"));
            throw new FluxException(Errno.EINTR, topic + ": interrupted");
        }
        if (m.errnum() != 0) {
            throw new FluxException(m.errnum(), m.errorText());
        }
        return m.payloadText();
    }

    /** Frees the matchtag of a request given up on. */
    private void forget(Reply<FluxMessage> f) {
        pending.values().remove(f);
    }

    private int register(Reply<FluxMessage> f) {
        while (true) {
            int tag = nextTag.getAndIncrement();
            if (tag != FluxMessage.MATCHTAG_NONE && pending.putIfAbsent(tag, f) == null) {
                return tag;
            }
        }
    }

    private void readLoop() {
        try {
            ByteBuffer one = ByteBuffer.allocate(1);
            while (one.hasRemaining()) {
                if (channel.read(one) < 0) {
                    throw new FluxException(Errno.ECONNRESET, "the broker at " + socket
                            + " closed the connection before the handshake");
                }
            }
            int answer = one.get(0) & 0xff;
            if (answer != 0) {
                throw new FluxException(answer, "the broker at " + socket + " refused the connection: "
                        + Errno.text(answer));
            }
            handshake.complete(null);
            Envelope.Reader in = new Envelope.Reader(channel);
            FluxMessage m;
            while ((m = in.next()) != null) {
                if (m.type() == FluxMessage.RESPONSE) {
                    Reply<FluxMessage> f = pending.remove(m.matchtag());
                    if (f != null) {
                        f.complete(m);
                    }
                }
            }
            shutdown(new FluxException(Errno.ECONNRESET, "the broker closed the connection"));
        } catch (FluxException e) {
            shutdown(e);
        } catch (IOException e) {
            shutdown(lost(e));
        }
    }

    private FluxException lost(IOException e) {
        if (closed != null) {
            return closed;
        }
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new FluxException(Errno.ECONNRESET, "lost the connection to the broker: " + why);
    }

    /** Connections not yet closed: the process closes them before it exits ({@link #closeAll}). */
    private static final java.util.Set<FluxConnection> OPEN = new java.util.HashSet<>();

    /**
     * Closes every connection still open. A thread blocked reading a socket is a thread in native
     * code, and the JVM's exit waits up to 300 ms for such threads before it gives up on them:
     * closing first wakes the readers, so the process ends at once.
     */
    public static void closeAll() {
        List<FluxConnection> all;
        synchronized (OPEN) {
            all = new ArrayList<>(OPEN);
        }
        for (FluxConnection c : all) {
            c.close();
        }
    }

    /** Marks the connection unusable for REASON and fails everything still waiting. */
    private void shutdown(FluxException reason) {
        synchronized (OPEN) {
            OPEN.remove(this);
        }
        synchronized (this) {
            if (closed == null) {
                closed = reason;
            }
        }
        handshake.fail(closed);
        for (Integer tag : pending.keySet()) {
            Reply<FluxMessage> f = pending.remove(tag);
            if (f != null) {
                f.fail(closed);
            }
        }
        closeQuietly(channel);
    }

    @Override
    public void close() {
        shutdown(new FluxException(Errno.ECONNRESET, "the connection to the broker was closed"));
    }

    private static void closeQuietly(ByteChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    private static String seconds(Duration d) {
        return (d.toMillis() / 1000.0) + "s";
    }
}
