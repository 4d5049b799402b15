package org.fluxmp.boot.flux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fluxmp.boot.json.JsonStyle;

/**
 * A broker's local socket in a test: accepts connections, answers the handshake, reads
 * requests and hands each to a {@link Behaviour}, which answers (now, later, in any order) or
 * not at all, or closes the connection.
 */
public final class FakeFluxBroker implements AutoCloseable {
    /** What the fake does with each request. */
    public interface Behaviour {
        void request(FluxMessage req, Session session) throws Exception;
    }

    /** One client connection. */
    public static final class Session {
        private final SocketChannel channel;

        Session(SocketChannel channel) {
            this.channel = channel;
        }

        synchronized void send(FluxMessage m) throws IOException {
            ByteBuffer b = Envelope.wrap(m);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        /** Raw bytes, e.g. garbage. */
        synchronized void sendRaw(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        void close() throws IOException {
            channel.close();
        }
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final int handshake;
    private final Behaviour behaviour;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<FluxMessage> requests = new CopyOnWriteArrayList<>();

    /** Serves SOCKET, answering each connection's handshake with HANDSHAKE (0 = accept, else an errno). */
    FakeFluxBroker(Path socket, int handshake, Behaviour behaviour) throws IOException {
        this.socket = socket;
        this.handshake = handshake;
        this.behaviour = behaviour;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::acceptLoop, "fake-broker-accept");
        t.setDaemon(true);
        t.start();
    }

    public FakeFluxBroker(Path socket, Behaviour behaviour) throws IOException {
        this(socket, 0, behaviour);
    }

    public String uri() {
        return "local://" + socket;
    }

    Path socket() {
        return socket;
    }

    /** Every request received so far, in arrival order. */
    public List<FluxMessage> requests() {
        return requests;
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel c = server.accept();
                Session s = new Session(c);
                sessions.add(s);
                Thread t = new Thread(() -> serve(s), "fake-broker-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Session s) {
        try {
            s.sendRaw(new byte[] {(byte) handshake});
            if (handshake != 0) {
                s.close();
                return;
            }
            Envelope.Reader in = new Envelope.Reader(s.channel);
            FluxMessage m;
            while ((m = in.next()) != null) {
                requests.add(m);
                behaviour.request(m, s);
            }
        } catch (Exception e) {
            // the client went away, or a test behaviour closed the connection
        } finally {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** The response the real broker sends for REQ: same topic and matchtag, owner credentials. */
    static FluxMessage response(FluxMessage req, int errnum, String payload) {
        byte[] p = payload == null ? null : FluxMessage.jsonPayload(payload);
        int flags = FluxMessage.FLAG_TOPIC | FluxMessage.FLAG_ROUTE | (p != null ? FluxMessage.FLAG_PAYLOAD : 0);
        return new FluxMessage(FluxMessage.RESPONSE, flags, 0, 5, errnum, req.matchtag(), List.of(), req.topic(), p);
    }

    static FluxMessage answer(FluxMessage req, Map<String, ?> payload) {
        return response(req, 0, payload == null ? null : JsonStyle.COMPACT.write(payload));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Session s : sessions) {
            s.close();
        }
        Files.deleteIfExists(socket);
    }

    /** Runs a fake broker answering from the samples (as a fresh instance) until killed: {@code SOCKET}. */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        Files.deleteIfExists(socket);
        try (FakeFluxBroker b = new FakeFluxBroker(socket, SampleBroker.fresh())) {
            System.out.println("listening on " + b.uri());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
