package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxmp.boot.ToolException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FluxFacts against a fake broker that answers as the sampled real one. */
class FluxFactsTest {
    @TempDir Path dir;
    FakeFluxBroker server;
    FluxConnection conn;

    private FluxFacts facts(SampleBroker samples, Map<String, String> localEnv) throws Exception {
        server = new FakeFluxBroker(dir.resolve("local-0"), samples);
        conn = FluxConnection.open(server.socket());
        return new FluxFacts(conn, localEnv);
    }

    @AfterEach
    void stop() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private long count(String topic) {
        return server.requests().stream().filter(r -> r.topic().equals(topic)).count();
    }

    @Test
    void rankComesFromTheRankAttribute() throws Exception {
        assertEquals(0, facts(SampleBroker.fresh(), Map.of()).rank());
    }

    @Test
    void attributesAreReadOnceEach() throws Exception {
        FluxFacts f = facts(SampleBroker.fresh(), Map.of());
        assertEquals(Optional.of("content-sqlite"), f.attr("content.backing-module"));
        assertEquals(Optional.of("content-sqlite"), f.attr("content.backing-module"));
        assertEquals(1, count("attr.get"));
    }

    @Test
    void anUnsetAttributeIsEmpty() throws Exception {
        FluxFacts f = facts(SampleBroker.fresh(), Map.of());
        assertEquals(Optional.empty(), f.attr("broker.recovery-mode"));
        assertEquals(Optional.empty(), f.attr("broker.recovery-mode"));
        assertEquals(1, count("attr.get"), "an unset attribute is remembered too");
    }

    @Test
    void configIsFetchedOnceForAllKeys() throws Exception {
        FluxFacts f = facts(SampleBroker.fresh(), Map.of());
        assertEquals(Optional.empty(), f.config("systemd.enable"));
        assertEquals(Map.of(), f.configTable("modules"));
        assertEquals(1, count("config.get"));
    }

    @Test
    void theLocalEnvironmentComesBeforeTheBrokers() throws Exception {
        FluxFacts f = facts(SampleBroker.fresh().env("X", "broker"), Map.of("X", "local"));
        assertEquals(Optional.of("local"), f.env("X"));
        assertEquals(0, count("broker.getenv"));
    }

    @Test
    void theBrokersEnvironmentFillsIn() throws Exception {
        FluxFacts f = facts(SampleBroker.fresh().env("FLUX_SCHED_MODULE", "none"), Map.of());
        assertEquals(Optional.of("none"), f.env("FLUX_SCHED_MODULE"));
        assertEquals(Optional.empty(), f.env("SLURM_JOB_ID"));
        assertEquals(2, count("broker.getenv"));
    }

    @Test
    void loadedModulesLeaveOutBuiltinsAndCarryTheirServices() throws Exception {
        Map<String, Set<String>> loaded = facts(SampleBroker.afterRc1(), Map.of()).loadedModules();
        assertEquals(13, loaded.size(), loaded.toString());
        assertFalse(loaded.containsKey("connector-local"));
        assertEquals(List.of("sched-simple", "feasibility", "sched"), List.copyOf(loaded.get("sched-simple")));
        assertEquals(List.of("content-sqlite", "content-backing"), List.copyOf(loaded.get("content-sqlite")));
    }

    @Test
    void aBrokerThatGoesAwayIsAnErrorNamingTheFact() throws Exception {
        server = new FakeFluxBroker(dir.resolve("local-0"), (req, s) -> s.close());
        conn = FluxConnection.open(server.socket());
        ToolException e = assertThrows(ToolException.class, () -> new FluxFacts(conn, Map.of()).attr("rank"));
        assertTrue(e.getMessage().startsWith("cannot read attribute rank from the broker: attr.get: "), e.getMessage());
    }
}
