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

/**
 * A stand-in broker on a local socket for the launcher's archive training, so that the boot
 * archive holds the local-connector path (socket, handshake, pipelined facts, module loads, RPCs)
 * without a real instance. It answers as a fresh single-broker instance of rank 0 with no
 * config: attributes other than rank and size unset, no broker environment, no modules loaded;
 * every other request succeeds with an empty object. Not a broker for anything else.
 */
public final class TrainingBroker implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;

    public TrainingBroker(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                accept();
            }
        }, "training-broker");
        t.setDaemon(true);
        t.start();
    }

    public String uri() {
        return "local://" + socket;
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel c = server.accept();
                Thread t = new Thread(new Runnable() {
                    @Override
                    public void run() {
                        serve(c);
                    }
                }, "training-broker-connection");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void serve(SocketChannel c) {
        try (c) {
            write(c, ByteBuffer.wrap(new byte[] {0}));
            Envelope.Reader in = new Envelope.Reader(c);
            FluxMessage m;
            while ((m = in.next()) != null) {
                if ((m.flags() & FluxMessage.FLAG_NORESPONSE) == 0) {
                    write(c, Envelope.wrap(answer(m)));
                }
            }
        } catch (IOException | FluxException e) {
            // the client went away
        }
    }

    static FluxMessage answer(FluxMessage req) {
        String payload;
        int errnum = 0;
        switch (req.topic()) {
            case "attr.get":
                String name = req.payloadText();
                if (name != null && name.contains("\"rank\"")) {
                    payload = "{\"value\":\"0\"}";
                } else if (name != null && name.contains("\"size\"")) {
                    payload = "{\"value\":\"1\"}";
                } else {
                    payload = null;
                    errnum = Errno.ENOENT;
                }
                break;
            case "broker.getenv":
                payload = "{\"env\":{}}";
                break;
            case "module.list":
                payload = "{\"mods\":[]}";
                break;
            default:
                payload = "{}";
        }
        byte[] p = payload == null ? null : FluxMessage.jsonPayload(payload);
        int flags = FluxMessage.FLAG_TOPIC | FluxMessage.FLAG_ROUTE | (p != null ? FluxMessage.FLAG_PAYLOAD : 0);
        return new FluxMessage(FluxMessage.RESPONSE, flags, 0, 5, errnum, req.matchtag(), List.of(), req.topic(), p);
    }

    private static void write(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
