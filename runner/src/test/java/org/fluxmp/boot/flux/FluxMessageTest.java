package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.json.JsonStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The message codec against every exchange captured from a real broker (testdata/flux/wire/). */
class FluxMessageTest {
    static List<String> captures() {
        return WireCapture.names();
    }

    private static byte[] reencode(List<FluxMessage> messages) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (FluxMessage m : messages) {
            var buf = Envelope.wrap(m);
            b.write(buf.array(), buf.arrayOffset(), buf.limit());
        }
        return b.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyClientMessageDecodesAndReencodesByteForByte(String name) throws Exception {
        WireCapture c = WireCapture.read(name);
        List<FluxMessage> requests = c.requests();
        assertFalse(requests.isEmpty(), name);
        assertArrayEquals(c.stream(true), reencode(requests), name);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyBrokerMessageDecodesAndReencodesByteForByte(String name) throws Exception {
        WireCapture c = WireCapture.read(name);
        byte[] s2c = c.stream(false);
        assertEquals(0, s2c[0], "the handshake byte accepts the connection");
        List<FluxMessage> responses = c.responses();
        assertEquals(c.requests().size(), responses.size(), name + ": one response per request");
        assertArrayEquals(java.util.Arrays.copyOfRange(s2c, 1, s2c.length), reencode(responses), name);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyResponseCarriesTheMatchtagAndTopicOfARequest(String name) throws Exception {
        WireCapture c = WireCapture.read(name);
        Map<Integer, String> topics = new java.util.HashMap<>();
        for (FluxMessage r : c.requests()) {
            assertEquals(FluxMessage.REQUEST, r.type());
            topics.put(r.matchtag(), r.topic());
        }
        for (FluxMessage r : c.responses()) {
            assertEquals(FluxMessage.RESPONSE, r.type());
            assertEquals(topics.get(r.matchtag()), r.topic(), name + " matchtag " + r.matchtag());
        }
    }

    @Test
    void aRequestBuiltHereIsTheCapturedGetattrRequest() throws Exception {
        FluxMessage built = FluxMessage.request("attr.get",
                FluxMessage.jsonPayload(JsonStyle.COMPACT.write(Map.of("name", "rank"))), 1);
        assertEquals(WireCapture.read("getattr-rank").requests().get(0), built);
        assertArrayEquals(WireCapture.read("getattr-rank").stream(true), reencode(List.of(built)));
    }

    @Test
    void aRequestWithoutPayloadIsTheCapturedConfigGetRequest() throws Exception {
        FluxMessage built = FluxMessage.request("config.get", null, 1);
        assertArrayEquals(WireCapture.read("config-get").stream(true), reencode(List.of(built)));
    }

    @Test
    void capturedRequestHeaderFieldsAreThoseOfAnUnauthenticatedClient() throws Exception {
        FluxMessage r = WireCapture.read("getattr-rank").requests().get(0);
        assertEquals(FluxMessage.USERID_UNKNOWN, r.userid());
        assertEquals(FluxMessage.ROLE_NONE, r.rolemask());
        assertEquals(FluxMessage.NODEID_ANY, r.nodeid());
        assertEquals(List.of(), r.routes());
        assertEquals("{\"name\":\"rank\"}", r.payloadText());
    }

    @Test
    void aPayloadOf255BytesOrMoreUsesTheLongFrameLength() throws Exception {
        FluxMessage list = WireCapture.read("module-list").responses().get(0);
        assertTrue(list.payload().length >= 255);
        byte[] enc = list.encode();
        int topicFrame = 1 + 1 + "module.list".length(); // delimiter frame, then topic frame
        assertEquals((byte) 0xff, enc[topicFrame]);
        assertEquals(list.payload().length, java.nio.ByteBuffer.wrap(enc, topicFrame + 1, 4).getInt());
    }

    @Test
    void aFrameOfExactly255BytesUsesTheLongForm() throws Exception {
        byte[] payload = new byte[255];
        java.util.Arrays.fill(payload, (byte) 'x');
        FluxMessage m = FluxMessage.request("t", payload, 7);
        byte[] enc = m.encode();
        assertEquals((byte) 0xff, enc[3]);
        assertEquals(m, FluxMessage.decode(enc));
    }

    @Test
    void anErrorResponseWithoutTextIsTheStrerrorTheFluxCommandPrinted() throws Exception {
        FluxMessage r = WireCapture.read("getattr-missing").responses().get(0);
        assertEquals(Errno.ENOENT, r.errnum());
        assertNull(r.payloadText());
        assertEquals("No such file or directory", r.errorText());
        assertTrue(WireCapture.read("getattr-missing").out().contains(": " + r.errorText() + "\n"));
    }

    @Test
    void anErrorResponseWithTextIsTheBrokersOwnMessage() throws Exception {
        FluxMessage r = WireCapture.read("module-load-missing").responses().get(0);
        assertEquals(Errno.ENOENT, r.errnum());
        assertEquals("module not found in search path", r.errorText());
        assertTrue(WireCapture.read("module-load-missing").out().contains(": " + r.errorText() + "\n"));
    }

    @Test
    void theAlreadyLoadedErrorIsFileExists() throws Exception {
        FluxMessage r = WireCapture.read("module-load-twice").responses().get(0);
        assertEquals("File exists", r.errorText());
        assertTrue(WireCapture.read("module-load-twice").out().contains(": File exists\n"));
    }

    @Test
    void aTruncatedMessageIsAProtocolError() {
        byte[] enc = FluxMessage.request("attr.get", FluxMessage.jsonPayload("{}"), 1).encode();
        FluxException e = assertThrows(FluxException.class,
                () -> FluxMessage.decode(java.util.Arrays.copyOf(enc, enc.length - 3)));
        assertEquals(Errno.EPROTO, e.errnum());
    }

    @Test
    void aBadProtoMagicIsAProtocolError() {
        byte[] enc = FluxMessage.request("attr.get", null, 1).encode();
        enc[enc.length - 20] = 0x42;
        assertEquals(Errno.EPROTO, assertThrows(FluxException.class, () -> FluxMessage.decode(enc)).errnum());
    }

    @Test
    void aTopicFlagWithoutATopicFrameIsAProtocolError() {
        // one frame only: PROTO of a request that claims a topic
        byte[] enc = HexFormat.of().parseHex("148e010101ffffffff00000000ffffffff00000001");
        assertEquals(Errno.EPROTO, assertThrows(FluxException.class, () -> FluxMessage.decode(enc)).errnum());
    }

    @Test
    void flagsMustAgreeWithTheFramesPresent() {
        assertThrows(IllegalArgumentException.class, () -> new FluxMessage(FluxMessage.REQUEST, FluxMessage.FLAG_TOPIC,
                0, 0, 0, 1, null, null, null));
    }

    @Test
    void routesSurviveEncoding() throws Exception {
        FluxMessage m = new FluxMessage(FluxMessage.RESPONSE, FluxMessage.FLAG_TOPIC | FluxMessage.FLAG_ROUTE, 0, 5, 0, 9,
                List.of("a1b2", "c3"), "x.y", null);
        assertEquals(m, FluxMessage.decode(m.encode()));
    }
}
