package org.fluxmp.boot.flux;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.json.Json;

/** One recorded local-connector conversation (testdata/flux/wire/NAME.jsonl): chunks as read from the socket. */
record WireCapture(String name, List<Chunk> chunks) {

    /** One read: client to server ({@code c2s}) or back, its bytes, or the end of that side. */
    record Chunk(String dir, byte[] bytes, boolean eof) {
        boolean toServer() {
            return dir.equals("c2s");
        }
    }

    static WireCapture read(String name) {
        Path file = TestData.wire(name);
        List<Chunk> chunks = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                Map<?, ?> m = (Map<?, ?>) Json.parse(line);
                boolean eof = Boolean.TRUE.equals(m.get("eof"));
                byte[] bytes = eof ? new byte[0] : HexFormat.of().parseHex((String) m.get("hex"));
                chunks.add(new Chunk((String) m.get("dir"), bytes, eof));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WireCapture(name, chunks);
    }

    static List<String> names() {
        try (var s = Files.list(TestData.flux().resolve("wire"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything one side sent, in order. */
    byte[] stream(boolean toServer) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Chunk c : chunks) {
            if (c.toServer() == toServer) {
                b.writeBytes(c.bytes());
            }
        }
        return b.toByteArray();
    }

    /** The enveloped messages of a byte stream. */
    static List<FluxMessage> messages(byte[] stream) throws IOException, FluxException {
        Envelope.Reader r = new Envelope.Reader(Channels.newChannel(new ByteArrayInputStream(stream)));
        List<FluxMessage> out = new ArrayList<>();
        FluxMessage m;
        while ((m = r.next()) != null) {
            out.add(m);
        }
        return out;
    }

    List<FluxMessage> requests() throws IOException, FluxException {
        return messages(stream(true));
    }

    /** The server's messages, after its one handshake byte. */
    List<FluxMessage> responses() throws IOException, FluxException {
        byte[] s = stream(false);
        return messages(java.util.Arrays.copyOfRange(s, 1, s.length));
    }

    /** What the command printed (NAME.out), its last line being {@code exit N}. */
    String out() {
        try {
            return Files.readString(TestData.flux().resolve("wire").resolve(name + ".out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
