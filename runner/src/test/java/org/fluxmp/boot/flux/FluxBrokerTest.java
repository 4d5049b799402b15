package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FluxBroker against a fake broker that answers as the sampled real one. */
class FluxBrokerTest {
    @TempDir Path dir;
    SampleBroker samples;
    FakeFluxBroker server;
    FluxConnection conn;
    FluxBroker broker;

    @BeforeEach
    void start() throws Exception {
        samples = SampleBroker.fresh();
        server = new FakeFluxBroker(dir.resolve("local-0"), samples);
        conn = FluxConnection.open(server.socket());
        broker = new FluxBroker(conn, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
        server.close();
    }

    private Map<?, ?> lastPayload(String topic) {
        List<FluxMessage> rs = server.requests().stream().filter(r -> r.topic().equals(topic)).toList();
        return (Map<?, ?>) Json.parse(rs.get(rs.size() - 1).payloadText());
    }

    @Test
    void loadSendsPathArgsAndExec() throws Exception {
        broker.load("cron", "cron", List.of("sync=heartbeat.pulse"), false);
        assertEquals("{\"path\":\"cron\",\"args\":[\"sync=heartbeat.pulse\"],\"exec\":false}",
                server.requests().get(0).payloadText());
        assertTrue(samples.loaded().contains("cron"));
    }

    @Test
    void loadUnderAnotherNameSendsTheName() throws Exception {
        broker.load("sdbus-sys", "sdbus", List.of("system"), true);
        Map<?, ?> p = lastPayload("module.load");
        assertEquals("sdbus", p.get("path"));
        assertEquals("sdbus-sys", p.get("name"));
        assertEquals(Boolean.TRUE, p.get("exec"));
    }

    @Test
    void loadOfAModuleFileSendsItsAbsolutePath() throws Exception {
        Path so = Files.createFile(dir.resolve("mine.so"));
        String relative = Path.of("").toAbsolutePath().relativize(so).toString();
        broker.load("mine", relative, List.of(), false);
        assertEquals(so.toRealPath().toString(), lastPayload("module.load").get("path"));
    }

    @Test
    void loadingALoadedModuleFailsWithFileExists() throws Exception {
        broker.load("heartbeat", "heartbeat", List.of(), false);
        BrokerException e = assertThrows(BrokerException.class, () -> broker.load("heartbeat", "heartbeat", List.of(), false));
        assertEquals("File exists", e.getMessage());
    }

    @Test
    void loadingAnUnknownModuleFailsWithTheBrokersText() {
        BrokerException e = assertThrows(BrokerException.class, () -> broker.load("no-such-module", "no-such-module", List.of(), false));
        assertEquals("module not found in search path", e.getMessage());
    }

    @Test
    void removeUnloadsTheModule() throws Exception {
        broker.load("heartbeat", "heartbeat", List.of(), false);
        broker.remove("heartbeat");
        assertFalse(samples.loaded().contains("heartbeat"));
        assertEquals("{\"name\":\"heartbeat\",\"cancel\":false}", server.requests().get(1).payloadText());
    }

    @Test
    void removingAModuleThatIsNotLoadedIsNotAnError() throws Exception {
        broker.remove("heartbeat");
        assertEquals(1, server.requests().size(), "the request was made");
    }

    @Test
    void rpcReturnsTheAnswerAsAMap() throws Exception {
        Map<String, Object> r = broker.rpc("attr.get", Map.of("name", "rank"));
        assertEquals("0", r.get("value"));
    }

    @Test
    void rpcWithAnEmptyPayloadSendsNone() throws Exception {
        broker.rpc("module.list", Map.of());
        assertEquals(null, server.requests().get(0).payloadText());
    }

    @Test
    void rpcToAServiceNobodyProvidesFailsWithTheBrokersText() {
        BrokerException e = assertThrows(BrokerException.class, () -> broker.rpc("content.flush", Map.of()));
        assertEquals("No service matching content.flush is registered", e.getMessage());
    }

    @Test
    void runatPushCarriesTheCommands() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "cleanup");
        p.put("commands", List.of("flux queue idle --quiet"));
        assertEquals(Map.of(), broker.rpc("runat.push", p));
        assertEquals("{\"name\":\"cleanup\",\"commands\":[\"flux queue idle --quiet\"]}", server.requests().get(0).payloadText());
    }

    @Test
    void setenvSetsTheBrokersEnvironment() throws Exception {
        broker.setenv(Map.of("FLUX_X", "1"));
        assertEquals(Map.of("FLUX_X", "1"), samples.env());
    }

    @Test
    void kvsPutCommitsTheValueToThePrimaryNamespace() throws Exception {
        broker.load("kvs", "kvs", List.of(), false);
        broker.kvsPut("modprobe.stats", "[{\"name\": \"kvs\"}]");
        assertEquals(Map.of("modprobe.stats", "[{\"name\": \"kvs\"}]"), samples.kvs());
        assertEquals("primary", lastPayload("kvs.commit").get("namespace"));
    }

    @Test
    void kvsPutHonoursFluxKvsNamespace() throws Exception {
        broker.load("kvs", "kvs", List.of(), false);
        new FluxBroker(conn, Map.of("FLUX_KVS_NAMESPACE", "job-1")).kvsPut("k", "1");
        assertEquals("job-1", lastPayload("kvs.commit").get("namespace"));
    }

    @Test
    void modulesLoadInParallelOverOneConnection() throws Exception {
        List<String> names = List.of("heartbeat", "content", "kvs", "cron", "resource", "job-info");
        List<Thread> ts = new java.util.ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (String n : names) {
            Thread t = new Thread(() -> {
                try {
                    broker.load(n, n, List.of(), false);
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join(10_000);
        }
        assertEquals(List.of(), errors);
        assertTrue(samples.loaded().containsAll(names));
    }
}
