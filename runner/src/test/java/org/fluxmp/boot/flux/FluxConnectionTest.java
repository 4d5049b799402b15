package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection's promises: every answer reaches its caller, and nothing ever waits forever. */
class FluxConnectionTest {
    @TempDir Path dir;

    private Path sock() {
        return dir.resolve("local-0");
    }

    private static String nameOf(FluxMessage req) {
        return (String) ((Map<?, ?>) org.fluxmp.boot.json.Json.parse(req.payloadText())).get("name");
    }

    @Test
    void hundredConcurrentRpcsAnsweredInShuffledOrderEachReachTheirCaller() throws Exception {
        int n = 100;
        List<FluxMessage> held = Collections.synchronizedList(new ArrayList<>());
        FakeFluxBroker.Behaviour holdThenShuffle = (req, s) -> {
            held.add(req);
            if (held.size() == n) {
                List<FluxMessage> all = new ArrayList<>(held);
                Collections.shuffle(all, new java.util.Random(7));
                for (FluxMessage r : all) {
                    s.send(FakeFluxBroker.answer(r, Map.of("value", "answer-" + nameOf(r))));
                }
            }
        };
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), holdThenShuffle);
                FluxConnection c = FluxConnection.open(sock())) {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                String name = "attr" + i;
                CompletableFuture<String> f = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        f.complete(c.rpc("attr.get", "{\"name\":\"" + name + "\"}"));
                    } catch (Exception e) {
                        f.completeExceptionally(e);
                    }
                });
                t.start();
                calls.add(f);
            }
            start.countDown();
            for (int i = 0; i < n; i++) {
                assertEquals("{\"value\":\"answer-attr" + i + "\"}", calls.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(n, broker.requests().stream().map(FluxMessage::matchtag).distinct().count(),
                    "every request in flight has its own matchtag");
        }
    }

    @Test
    void aBrokerClosingMidRpcFailsTheCallWithAClearError() throws Exception {
        FakeFluxBroker.Behaviour hangUp = (req, s) -> s.close();
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), hangUp);
                FluxConnection c = FluxConnection.open(sock())) {
            FluxException e = assertThrows(FluxException.class, () -> c.rpc("module.load", "{}", null));
            assertEquals(Errno.ECONNRESET, e.errnum());
            assertEquals("module.load: the broker closed the connection", e.getMessage());
        }
    }

    @Test
    void everyRpcInFlightFailsWhenTheBrokerCloses() throws Exception {
        List<FakeFluxBroker.Session> sessions = new ArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        FakeFluxBroker.Behaviour holdThree = (req, s) -> {
            sessions.add(s);
            three.countDown();
        };
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), holdThree);
                FluxConnection c = FluxConnection.open(sock())) {
            List<java.util.concurrent.Future<FluxMessage>> calls = List.of(c.send("a.x", null), c.send("b.x", null), c.send("c.x", null));
            assertTrue(three.await(10, TimeUnit.SECONDS));
            sessions.get(0).close();
            for (java.util.concurrent.Future<FluxMessage> f : calls) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertEquals(Errno.ECONNRESET, ((FluxException) e.getCause()).errnum());
            }
            assertFalse(c.isOpen());
        }
    }

    @Test
    void anRpcAfterTheBrokerClosedFailsAtOnce() throws Exception {
        FakeFluxBroker.Behaviour hangUp = (req, s) -> s.close();
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), hangUp);
                FluxConnection c = FluxConnection.open(sock())) {
            assertThrows(FluxException.class, () -> c.rpc("first.x", null, null));
            FluxException e = assertThrows(FluxException.class, () -> c.rpc("second.x", null, null));
            assertEquals("second.x: the broker closed the connection", e.getMessage());
        }
    }

    @Test
    void aBrokerThatNeverAnswersTimesOut() throws Exception {
        FakeFluxBroker.Behaviour silent = (req, s) -> { };
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), silent);
                FluxConnection c = FluxConnection.open(sock(), Duration.ofMillis(200))) {
            FluxException e = assertThrows(FluxException.class, () -> c.rpc("attr.get", "{\"name\":\"rank\"}"));
            assertEquals(Errno.ETIMEDOUT, e.errnum());
            assertEquals("attr.get: no answer from the broker in 0.2s", e.getMessage());
            assertTrue(c.isOpen(), "a timeout ends one RPC, not the connection");
        }
    }

    @Test
    void aLateAnswerAfterATimeoutIsDroppedAndTheNextRpcGetsItsOwn() throws Exception {
        FakeFluxBroker.Behaviour slowFirst = (req, s) -> {
            if (req.matchtag() == 1) {
                Thread.sleep(400);
            }
            s.send(FakeFluxBroker.answer(req, Map.of("tag", req.matchtag())));
        };
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), slowFirst);
                FluxConnection c = FluxConnection.open(sock())) {
            assertThrows(FluxException.class, () -> c.rpc("slow.x", null, Duration.ofMillis(100)));
            assertEquals("{\"tag\":2}", c.rpc("next.x", null, Duration.ofSeconds(10)));
        }
    }

    @Test
    void aRefusedHandshakeReportsTheBrokersErrno() throws Exception {
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), Errno.EPERM, (req, s) -> { })) {
            FluxException e = assertThrows(FluxException.class, () -> FluxConnection.open(sock()));
            assertEquals(Errno.EPERM, e.errnum());
            assertTrue(e.getMessage().endsWith("refused the connection: Operation not permitted"), e.getMessage());
        }
    }

    @Test
    void noBrokerAtThePathIsAConnectError() {
        FluxException e = assertThrows(FluxException.class, () -> FluxConnection.open(dir.resolve("nothing-here")));
        assertTrue(e.getMessage().startsWith("cannot connect to the broker at " + dir.resolve("nothing-here")), e.getMessage());
    }

    @Test
    void garbageFromTheBrokerFailsTheRpcAsAProtocolError() throws Exception {
        FakeFluxBroker.Behaviour garbage = (req, s) -> s.sendRaw(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), garbage);
                FluxConnection c = FluxConnection.open(sock())) {
            FluxException e = assertThrows(FluxException.class, () -> c.rpc("attr.get", null, null));
            assertEquals(Errno.EPROTO, e.errnum());
        }
    }

    @Test
    void closingTheConnectionFailsRpcsStillWaiting() throws Exception {
        FakeFluxBroker.Behaviour silent = (req, s) -> { };
        try (FakeFluxBroker broker = new FakeFluxBroker(sock(), silent)) {
            FluxConnection c = FluxConnection.open(sock());
            java.util.concurrent.Future<FluxMessage> f = c.send("attr.get", null);
            c.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertEquals(Errno.ECONNRESET, ((FluxException) e.getCause()).errnum());
        }
    }
}
