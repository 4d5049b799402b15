package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.json.JsonStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real broker named by FLUX_URI (a test instance: {@code flux start --test-size=2
 * mvn -B -o test -pl runner -am -Dtest=RealFluxBrokerTest}); skipped, with that reason, when
 * FLUX_URI is not a {@code local://} URI. Loads and removes only {@code heartbeat}, and only when
 * it is not loaded.
 */
@EnabledIfEnvironmentVariable(named = "FLUX_URI", matches = "local://.+",
        disabledReason = "FLUX_URI is not set to a real broker (local://PATH): integration tests against a real broker skipped")
class RealFluxBrokerTest {
    FluxConnection conn;

    @BeforeEach
    void connect() throws Exception {
        Path socket = FluxUri.localSocket(System.getenv("FLUX_URI")).orElseThrow();
        conn = FluxConnection.open(socket, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void rankAndSizeAreAttributes() {
        FluxFacts f = new FluxFacts(conn, Map.of());
        int size = Integer.parseInt(f.attr("size").orElseThrow());
        assertTrue(f.rank() >= 0 && f.rank() < size);
        assertEquals(Optional.empty(), f.attr("no.such.attr"));
    }

    @Test
    void configIsAnObject() {
        FluxFacts f = new FluxFacts(conn, Map.of());
        assertEquals(Optional.empty(), f.config("no.such.key"));
        f.configTable("modules");
    }

    @Test
    void theBrokersEnvironmentAnswers() throws Exception {
        new FluxBroker(conn, Map.of()).setenv(Map.of("FLUX_MODPROBE_IT", "1"));
        assertEquals(Optional.of("1"), new FluxFacts(conn, Map.of()).env("FLUX_MODPROBE_IT"));
        new FluxBroker(conn, Map.of()).rpc("broker.setenv", Map.of("env", java.util.Collections.singletonMap("FLUX_MODPROBE_IT", null)));
    }

    @Test
    void loadingAnUnknownModuleFailsWithTheBrokersText() {
        FluxException e = assertThrows(FluxException.class,
                () -> new FluxBroker(conn, Map.of()).load("no-such-module", "no-such-module", List.of(), false));
        assertEquals(Errno.ENOENT, e.errnum());
        assertEquals("module not found in search path", e.getMessage());
    }

    @Test
    void heartbeatLoadsAndRemoves() throws Exception {
        assumeFalse(new FluxFacts(conn, Map.of()).loadedModules().containsKey("heartbeat"), "heartbeat is loaded already");
        FluxBroker b = new FluxBroker(conn, Map.of());
        b.load("heartbeat", "heartbeat", List.of(), false);
        assertTrue(new FluxFacts(conn, Map.of()).loadedModules().containsKey("heartbeat"));
        assertEquals("File exists", assertThrows(FluxException.class,
                () -> b.load("heartbeat", "heartbeat", List.of(), false)).getMessage());
        b.remove("heartbeat");
        assertFalse(new FluxFacts(conn, Map.of()).loadedModules().containsKey("heartbeat"));
        b.remove("heartbeat"); // not loaded: no error
    }

    @Test
    void manyRpcsInFlightOnARealBroker() throws Exception {
        List<java.util.concurrent.Future<FluxMessage>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(conn.send("attr.get", FluxMessage.jsonPayload(JsonStyle.COMPACT.write(Map.of("name", i % 2 == 0 ? "rank" : "size")))));
        }
        for (int i = 0; i < 100; i++) {
            FluxMessage m = calls.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, m.errnum());
        }
    }
}
