package org.fluxmp.boot.flux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server that plays the broker's side of a captured conversation on one connection: it reads
 * exactly the bytes the captured client sent (noting any difference) and writes the captured
 * answers in the captured chunks. A client that makes the same requests therefore has the
 * same conversation, byte for byte.
 */
final class ReplayBroker implements AutoCloseable {
    private final ServerSocketChannel server;
    private final CompletableFuture<List<String>> done = new CompletableFuture<>();

    ReplayBroker(Path socket, WireCapture capture) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> serve(capture), "replay " + capture.name());
        t.setDaemon(true);
        t.start();
    }

    private void serve(WireCapture capture) {
        List<String> problems = new ArrayList<>();
        try (SocketChannel c = server.accept()) {
            for (WireCapture.Chunk chunk : capture.chunks()) {
                if (!chunk.toServer()) {
                    ByteBuffer b = ByteBuffer.wrap(chunk.bytes());
                    while (b.hasRemaining()) {
                        c.write(b);
                    }
                } else if (chunk.eof()) {
                    ByteBuffer one = ByteBuffer.allocate(1);
                    if (c.read(one) >= 0) {
                        problems.add("the client sent more than the captured one");
                    }
                } else {
                    ByteBuffer b = ByteBuffer.allocate(chunk.bytes().length);
                    while (b.hasRemaining()) {
                        if (c.read(b) < 0) {
                            problems.add("the client closed early");
                            done.complete(problems);
                            return;
                        }
                    }
                    if (!Arrays.equals(b.array(), chunk.bytes())) {
                        problems.add("client sent " + HexFormat.of().formatHex(b.array()) + "\n  captured   "
                                + HexFormat.of().formatHex(chunk.bytes()));
                    }
                }
            }
        } catch (IOException e) {
            problems.add("I/O error: " + e);
        }
        done.complete(problems);
    }

    /** Differences between this client's conversation and the captured one (empty: identical). */
    List<String> differences() throws Exception {
        return done.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
