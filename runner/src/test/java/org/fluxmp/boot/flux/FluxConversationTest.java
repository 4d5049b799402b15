package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.broker.BrokerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This client's conversations are the captured ones, byte for byte: for each capture, the same
 * request made here against a server replaying the broker's side (which notes every byte that
 * differs), and the same result as the {@code flux} command printed.
 */
class FluxConversationTest {
    @TempDir Path dir;

    interface Client {
        void talk(FluxConnection c) throws Exception;
    }

    private void replay(String name, Client client) throws Exception {
        WireCapture capture = WireCapture.read(name);
        Path sock = dir.resolve("s");
        try (ReplayBroker broker = new ReplayBroker(sock, capture)) {
            try (FluxConnection c = FluxConnection.open(sock)) {
                client.talk(c);
            }
            assertEquals(List.of(), broker.differences(), name);
        }
    }

    @Test
    void getattrRank() throws Exception {
        replay("getattr-rank", c -> assertEquals(Optional.of("0"), new FluxFacts(c, Map.of()).attr("rank")));
    }

    @Test
    void getattrOfAMissingAttributeIsUnset() throws Exception {
        replay("getattr-missing", c -> assertEquals(Optional.empty(), new FluxFacts(c, Map.of()).attr("no.such.attr")));
    }

    @Test
    void configGetOfAnInstanceWithoutConfig() throws Exception {
        replay("config-get", c -> assertEquals(Map.of(), new FluxFacts(c, Map.of()).configTable("modules")));
    }

    @Test
    void moduleListOfBuiltinModulesOnlyIsNothingLoaded() throws Exception {
        replay("module-list", c -> assertEquals(Map.of(), new FluxFacts(c, Map.of()).loadedModules()));
    }

    @Test
    void moduleLoad() throws Exception {
        replay("module-load-heartbeat", c -> new FluxBroker(c, Map.of()).load("heartbeat", "heartbeat", List.of(), false));
    }

    @Test
    void moduleLoadOfALoadedModuleFailsWithFileExists() throws Exception {
        replay("module-load-twice", c -> {
            BrokerException e = org.junit.jupiter.api.Assertions.assertThrows(BrokerException.class,
                    () -> new FluxBroker(c, Map.of()).load("heartbeat", "heartbeat", List.of(), false));
            assertEquals("File exists", e.getMessage());
        });
    }

    @Test
    void moduleLoadOfAnUnknownModuleFailsWithTheBrokersText() throws Exception {
        replay("module-load-missing", c -> {
            BrokerException e = org.junit.jupiter.api.Assertions.assertThrows(BrokerException.class,
                    () -> new FluxBroker(c, Map.of()).load("no-such-module", "no-such-module", List.of(), false));
            assertEquals("module not found in search path", e.getMessage());
            assertTrue(WireCapture.read("module-load-missing").out().contains(e.getMessage()));
        });
    }

    @Test
    void moduleRemove() throws Exception {
        replay("module-remove-heartbeat", c -> new FluxBroker(c, Map.of()).remove("heartbeat"));
    }

    @Test
    void kvsPutWithoutAKvsModuleFailsWithTheBrokersText() throws Exception {
        replay("kvs-put", c -> {
            BrokerException e = org.junit.jupiter.api.Assertions.assertThrows(BrokerException.class,
                    () -> new FluxBroker(c, Map.of()).kvsPut("test.key", "{\"a\":1}"));
            assertEquals("No service matching kvs.commit is registered", e.getMessage());
        });
    }

    @Test
    void fourRpcsInFlightEachGetTheirOwnAnswer() throws Exception {
        // the captured client (Python) wrote its JSON with spaces: send the same text
        List<String> names = List.of("rank", "size", "rundir", "no.such.attr");
        replay("concurrent-rpcs", c -> {
            List<java.util.concurrent.Future<FluxMessage>> calls = new ArrayList<>();
            for (String n : names) {
                calls.add(c.send("attr.get", FluxMessage.jsonPayload("{\"name\": \"" + n + "\"}")));
            }
            assertEquals("{\"value\":\"0\",\"flags\":1}", calls.get(0).get().payloadText());
            assertEquals("{\"value\":\"1\",\"flags\":1}", calls.get(1).get().payloadText());
            assertEquals("{\"value\":\"/tmp/flux-XXXXXX\",\"flags\":0}", calls.get(2).get().payloadText());
            assertEquals(Errno.ENOENT, calls.get(3).get().errnum());
        });
    }
}
