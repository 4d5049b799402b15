package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fluxmp.boot.flux.FakeFluxBroker;
import org.fluxmp.boot.flux.FluxMessage;
import org.fluxmp.boot.flux.SampleBroker;
import org.fluxmp.boot.flux.TestData;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against the real broker's two paths: {@code --broker=flux} over the local socket
 * (a fake broker answering as the sampled one) with the {@code flux} command as fallback, and
 * {@code --broker=flux-cli} (the fake {@code flux} command).
 */
class FluxBrokerCliTest {
    @TempDir Path dir;
    FakeFluxBroker server;
    Map<String, String> env;
    Path argvLog;

    @BeforeEach
    void setUp() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        argvLog = dir.resolve("flux-argv.jsonl");
        env = new HashMap<>();
        env.put("FLUX_MODPROBE_PATH", empty.toString());
        env.put("FLUX_CONFDIR", empty.toString());
        env.put("PATH", TestData.fakeFluxDir() + ":/usr/bin:/bin");
        env.put("FAKE_FLUX_LOG", argvLog.toString());
        env.put("FAKE_FLUX_STATE", Files.createDirectories(dir.resolve("fake-flux-state")).toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private SampleBroker serve(SampleBroker samples) throws Exception {
        server = new FakeFluxBroker(dir.resolve("local-0"), samples);
        env.put("FLUX_URI", server.uri());
        return samples;
    }

    private List<String> topics() {
        return server.requests().stream().map(FluxMessage::topic).toList();
    }

    private List<String> fluxCommands() throws Exception {
        return Files.exists(argvLog) ? Files.readAllLines(argvLog) : List.of();
    }

    private static Set<String> lines(String s) {
        return new TreeSet<>(List.of(s.strip().split("\n")));
    }

    @Test
    void rc3DryRunOverTheSocketRemovesWhatTheRealRc3Removed() throws Exception {
        serve(SampleBroker.afterRc1());
        CliRun r = CliRun.run(env, "rc3", "--dry-run");
        assertEquals(0, r.exit(), r.describe());
        String real = Files.readString(TestData.home().resolve("testdata/flux/rc3-dry-run-size1.txt"));
        assertEquals(lines(real), lines(r.out()), "same tasks as the real rc3 --dry-run (order varies there)");
        assertTrue(topics().contains("module.list"));
        assertEquals(List.of(), fluxCommands(), "no flux command was run");
    }

    @Test
    void loadOfALoadedModuleSaysSoOverTheSocket() throws Exception {
        serve(SampleBroker.afterRc1());
        CliRun r = CliRun.run(env, "load", "heartbeat");
        assertEquals(0, r.exit(), r.describe());
        assertEquals("flux-modprobe: All modules and dependencies are already loaded\n", r.err());
    }

    @Test
    void rc1OverTheSocketLoadsEveryModuleAndStoresItsTiming() throws Exception {
        SampleBroker samples = serve(SampleBroker.fresh());
        CliRun r = CliRun.run(env, "rc1", "--timing");
        assertEquals(0, r.exit(), r.describe());
        List<String> expected = List.of("content", "job-info", "cron", "heartbeat", "content-sqlite", "kvs", "kvs-watch",
                "resource", "job-manager", "sched-simple", "job-list", "job-ingest", "job-exec");
        assertTrue(samples.loaded().containsAll(expected), samples.loaded().toString());
        assertTrue(topics().contains("runat.push"), topics().toString());
        Object stats = Json.parse(samples.kvs().get("modprobe.stats"));
        assertEquals(expected.size() + 5 + 2, ((List<?>) stats).size(), "2 planner phases, 13 loads, 5 rc1 tasks");
    }

    @Test
    void aModuleLoadErrorIsTheBrokersText() throws Exception {
        serve(SampleBroker.fresh());
        Path d = Files.createDirectories(dir.resolve("conf/modprobe.d"));
        Files.writeString(d.resolve("50-x.toml"), "[[modules]]\nname = \"no-such-module\"\n");
        env.put("FLUX_MODPROBE_PATH", dir.resolve("conf").toString());
        CliRun r = CliRun.run(env, "load", "no-such-module");
        assertEquals(1, r.exit(), r.describe());
        assertEquals("no-such-module: module not found in search path\n", r.err());
    }

    @Test
    void factsComeOverTheSocketWithPreviewOverridesOnTop() throws Exception {
        serve(SampleBroker.fresh());
        CliRun r = CliRun.run(env, "explain", "fsck", "--attr", "broker.recovery-mode=1");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("attr:broker.recovery-mode = \"1\""), r.describe());
        assertFalse(server.requests().stream().anyMatch(m -> m.payloadText() != null
                && m.payloadText().contains("broker.recovery-mode")), "an overridden fact is not asked for");
    }

    @Test
    void brokerFluxCliForcesTheFluxCommand() throws Exception {
        serve(SampleBroker.fresh());
        env.put("FLUX_MODPROBE_BROKER", "flux-cli");
        CliRun r = CliRun.run(env, "explain", "fsck");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(fluxCommands().contains("[\"getattr\", \"broker.recovery-mode\"]"), fluxCommands().toString());
        assertEquals(List.of(), server.requests(), "the socket was not used");
    }

    @Test
    void anUnreachableSocketFallsBackToTheFluxCommandWithANote() throws Exception {
        env.put("FLUX_URI", "local://" + dir.resolve("no-broker-here"));
        CliRun r = CliRun.run(env, "explain", "fsck");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.err().startsWith("flux-modprobe: cannot connect to the broker at " + dir.resolve("no-broker-here")),
                r.describe());
        assertTrue(r.err().contains("; using the flux command instead\n"), r.describe());
        assertFalse(fluxCommands().isEmpty());
    }

    @Test
    void aUriThatIsNotLocalUsesTheFluxCommandSilently() throws Exception {
        env.put("FLUX_URI", "ssh://host/tmp/flux-XXXX/local-0");
        CliRun r = CliRun.run(env, "explain", "fsck");
        assertEquals(0, r.exit(), r.describe());
        assertEquals("", r.err());
        assertFalse(fluxCommands().isEmpty());
    }

    @Test
    void noSocketAndNoFluxCommandIsAnError() throws Exception {
        env.put("FLUX_URI", "local://" + dir.resolve("no-broker-here"));
        env.put("PATH", dir.toString());
        CliRun r = CliRun.run(env, "show", "kvs");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().startsWith("flux-modprobe: ERROR: --broker=flux: cannot connect"), r.describe());
        assertTrue(r.err().endsWith(", and no flux command on PATH\n"), r.describe());
    }

    @Test
    void anUnknownBrokerNamesTheChoices() {
        CliRun r = CliRun.run(env, "show", "kvs", "--broker=bogus");
        assertEquals(1, r.exit(), r.describe());
        assertEquals("flux-modprobe: ERROR: invalid broker 'bogus' (expected flux, flux-cli, sim or sim:FILE)\n", r.err());
    }

    @Test
    void aBadRpcTimeoutIsAnError() throws Exception {
        serve(SampleBroker.fresh());
        env.put("FLUX_MODPROBE_RPC_TIMEOUT", "soon");
        CliRun r = CliRun.run(env, "show", "kvs");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("FLUX_MODPROBE_RPC_TIMEOUT"), r.describe());
    }
}
