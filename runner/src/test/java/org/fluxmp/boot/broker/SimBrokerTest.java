package org.fluxmp.boot.broker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.json.Json;
import org.fluxmp.runner.cli.SimBrokerFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated broker (SPEC 5): latencies, [fail], state between runs, and its JSON-lines log. */
class SimBrokerTest {
    @TempDir
    Path dir;

    SimBrokerFile file(String toml) throws IOException {
        Path f = dir.resolve("sim.toml");
        Files.writeString(f, toml);
        return SimBrokerFileReader.read(f);
    }

    List<Map<?, ?>> log() throws IOException {
        List<Map<?, ?>> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("log.jsonl"))) {
            out.add((Map<?, ?>) Json.parse(l));
        }
        return out;
    }

    @Test
    void withoutAFileLatenciesAreTheMeasuredOnes() {
        SimBroker b = new SimBroker(SimBrokerFile.defaults());
        assertEquals(101, b.loadLatency("sched-simple"));
        assertEquals(SimLatencies.DEFAULT_LOAD_MS, b.loadLatency("sdbus"));
        assertEquals(4, b.removeLatency("kvs"));
        assertEquals(SimLatencies.DEFAULT_RPC_MS, b.rpcLatency("content.flush"));
    }

    @Test
    void theFilesLatenciesOverrideTheBuiltInOnes() throws IOException {
        SimBroker b = new SimBroker(file("[latency]\ndefault = 0\nkvs = 7\n\"content.flush\" = 9\n"
                + "[remove-latency]\ndefault = 2\n"));
        assertEquals(0, b.loadLatency("sched-simple"), "the file's default beats a built-in per-module value");
        assertEquals(7, b.loadLatency("kvs"));
        assertEquals(9, b.rpcLatency("content.flush"));
        assertEquals(0, b.rpcLatency("runat.push"));
        assertEquals(2, b.removeLatency("kvs"));
    }

    @Test
    void aLatencyMustBeANonNegativeInteger() {
        ConfigException e = assertThrows(ConfigException.class, () -> file("[latency]\nkvs = -1\n"));
        assertTrue(e.getMessage().contains("latency.kvs"), e.getMessage());
    }

    @Test
    void aFailEntryMakesTheLoadFailWithItsMessage() throws IOException {
        SimBroker b = new SimBroker(file("log = \"log.jsonl\"\n[latency]\ndefault = 0\n[fail]\nkvs = \"kvs: Invalid argument\"\n"));
        BrokerException e = assertThrows(BrokerException.class, () -> b.load("kvs", "kvs", List.of(), false));
        assertEquals("kvs: Invalid argument", e.getMessage());
        assertFalse(b.loaded().contains("kvs"));
        assertEquals("kvs: Invalid argument", log().get(0).get("error"));
    }

    @Test
    void loadedModulesAreKeptBetweenRunsInTheStateFile() throws Exception {
        String toml = "state = \"state.json\"\nloaded = [\"heartbeat\"]\n[latency]\ndefault = 0\n[remove-latency]\ndefault = 0\n";
        SimBroker first = new SimBroker(file(toml));
        first.load("content", "content", List.of(), false);
        first.load("kvs", "kvs", List.of(), false);
        SimBrokerFile again = file(toml);
        assertEquals(List.of("heartbeat", "content", "kvs"), again.loadedModules());
        new SimBroker(again).remove("content");
        assertEquals(List.of("heartbeat", "kvs"), file(toml).loadedModules());
    }

    @Test
    void loadingALoadedModuleFailsAsTheRealBrokerDoes() throws IOException {
        SimBroker b = new SimBroker(file("loaded = [\"kvs\"]\n[latency]\ndefault = 0\n"));
        BrokerException e = assertThrows(BrokerException.class, () -> b.load("kvs", "kvs", List.of(), false));
        assertTrue(e.getMessage().endsWith("File exists"), e.getMessage());
    }

    @Test
    void removingAModuleThatIsNotLoadedIsNotAnError() throws IOException {
        SimBroker b = new SimBroker(file("[remove-latency]\ndefault = 0\n"));
        assertDoesNotThrow(() -> b.remove("kvs"));
    }

    @Test
    void everyLoadRemoveAndRpcIsLoggedWithItsStartAndEnd() throws Exception {
        SimBroker b = new SimBroker(file("log = \"log.jsonl\"\n[latency]\ndefault = 1\n[remove-latency]\ndefault = 1\n"));
        b.load("kvs", "kvs", List.of("a b"), false);
        b.rpc("content.flush", Map.of());
        b.remove("kvs");
        List<Map<?, ?>> log = log();
        assertEquals(List.of("load", "rpc", "remove"), log.stream().map(m -> m.get("action")).toList());
        assertEquals(List.of("a b"), log.get(0).get("args"));
        double last = 0;
        for (Map<?, ?> m : log) {
            double start = ((Number) m.get("start")).doubleValue();
            double end = ((Number) m.get("end")).doubleValue();
            assertTrue(start >= last && end >= start + 1, m.toString());
            last = end;
        }
    }
}
