package org.fluxmp.boot.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flux-command path (FluxCliBroker, FluxCliFacts) against the fake {@code flux} of
 * testdata/flux/fake-flux, which records its argv and answers as the real command did.
 */
class FluxCliTest {
    @TempDir Path state;
    Path log;
    FluxCommand flux;

    @BeforeEach
    void setUp() throws Exception {
        log = state.resolve("argv.jsonl");
        // a fresh broker: nothing loaded but its built-in modules
        Files.writeString(state.resolve("loaded"), "connector-local\t\noverlay\t\nconfig\t\n");
        Map<String, String> env = Map.of("PATH", TestData.fakeFluxDir() + ":/usr/bin:/bin",
                "FAKE_FLUX_LOG", log.toString(), "FAKE_FLUX_STATE", state.toString());
        flux = FluxCommand.onPath(env, Duration.ofSeconds(30));
    }

    /** Every recorded command line, one list of arguments each ({@code flux python}'s script shown as SCRIPT). */
    private List<List<Object>> calls() throws Exception {
        List<List<Object>> out = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                @SuppressWarnings("unchecked")
                List<Object> argv = new ArrayList<>((List<Object>) Json.parse(line));
                if (argv.size() > 2 && "python".equals(argv.get(0))) {
                    argv.set(2, "SCRIPT");
                }
                out.add(argv);
            }
        }
        return out;
    }

    @Test
    void theFluxCommandIsFoundOnTheGivenPath() {
        assertEquals(TestData.fakeFluxDir().resolve("flux"), flux.exe());
    }

    @Test
    void noFluxOnPathIsAnError() {
        FluxException e = assertThrows(FluxException.class,
                () -> FluxCommand.onPath(Map.of("PATH", state.toString()), Duration.ofSeconds(1)));
        assertEquals("no flux command on PATH", e.getMessage());
    }

    @Test
    void loadRunsFluxModuleLoad() throws Exception {
        new FluxCliBroker(flux).load("cron", "cron", List.of("sync=heartbeat.pulse"), false);
        assertEquals(List.of(List.of("module", "load", "cron", "sync=heartbeat.pulse")), calls());
    }

    @Test
    void loadUnderAnotherNamePassesNameAndExec() throws Exception {
        new FluxCliBroker(flux).load("sdbus-sys", "sdbus", List.of("system"), true);
        assertEquals(List.of(List.of("module", "load", "--name=sdbus-sys", "--exec", "sdbus", "system")), calls());
    }

    @Test
    void aFailedLoadIsTheCommandsErrorText() throws Exception {
        FluxCliBroker b = new FluxCliBroker(flux);
        b.load("heartbeat", "heartbeat", List.of(), false);
        FluxException e = assertThrows(FluxException.class, () -> b.load("heartbeat", "heartbeat", List.of(), false));
        assertEquals("File exists", e.getMessage());
        assertEquals(Errno.EEXIST, e.errnum());
        BrokerException missing = assertThrows(BrokerException.class,
                () -> b.load("no-such-module", "no-such-module", List.of(), false));
        assertEquals("module not found in search path", missing.getMessage());
    }

    @Test
    void removingAModuleThatIsNotLoadedIsNotAnError() throws Exception {
        new FluxCliBroker(flux).remove("heartbeat");
        assertEquals(List.of(List.of("module", "remove", "heartbeat")), calls());
    }

    @Test
    void kvsPutRunsFluxKvsPut() throws Exception {
        FluxCliBroker b = new FluxCliBroker(flux);
        b.load("kvs", "kvs", List.of(), false);
        b.kvsPut("modprobe.stats", "[1, 2]");
        assertEquals(List.of("kvs", "put", "modprobe.stats=[1, 2]"), calls().get(1));
    }

    @Test
    void kvsPutWithoutKvsFailsWithTheCommandsText() {
        FluxException e = assertThrows(FluxException.class, () -> new FluxCliBroker(flux).kvsPut("k", "1"));
        assertEquals("flux_kvs_commit: Function not implemented", e.getMessage());
    }

    @Test
    void genericRpcsGoThroughFluxPython() throws Exception {
        assertEquals(Map.of(), new FluxCliBroker(flux).rpc("runat.push", Map.of("name", "cleanup", "commands", List.of("true"))));
        List<Object> call = calls().get(0);
        assertEquals(List.of("python", "-c", "SCRIPT", "runat.push"), call.subList(0, 4));
        assertEquals(Map.of("name", "cleanup", "commands", List.of("true")), Json.parse((String) call.get(4)));
    }

    @Test
    void aFailedGenericRpcCarriesTheBrokersErrnumAndText() {
        FluxException e = assertThrows(FluxException.class, () -> new FluxCliBroker(flux).rpc("no.such", Map.of()));
        assertEquals(Errno.ENOSYS, e.errnum());
        assertEquals("No service matching no.such is registered", e.getMessage());
    }

    @Test
    void setenvGoesToTheBrokersEnvironment() throws Exception {
        new FluxCliBroker(flux).setenv(Map.of("FLUX_X", "1"));
        FluxCliFacts f = new FluxCliFacts(flux, Map.of());
        assertEquals(Optional.of("1"), f.env("FLUX_X"));
    }

    @Test
    void factsComeFromGetattrAndConfigGet() throws Exception {
        FluxCliFacts f = new FluxCliFacts(flux, Map.of());
        assertEquals(0, f.rank());
        assertEquals(Optional.of("content-sqlite"), f.attr("content.backing-module"));
        assertEquals(Optional.empty(), f.attr("content.restore"));
        assertEquals(Optional.empty(), f.config("systemd.enable"));
        assertEquals(Map.of(), f.configTable("modules"));
        assertEquals(List.of(List.of("getattr", "rank"), List.of("getattr", "content.backing-module"),
                List.of("getattr", "content.restore"), List.of("config", "get")), calls());
    }

    @Test
    void loadedModulesComeFromFluxModuleList() throws Exception {
        Files.delete(state.resolve("loaded")); // the sample instance after rc1
        Map<String, java.util.Set<String>> loaded = new FluxCliFacts(flux, Map.of()).loadedModules();
        assertTrue(loaded.containsKey("kvs"));
        assertEquals(List.of("sched-simple", "feasibility", "sched"), List.copyOf(loaded.get("sched-simple")));
        assertEquals(18, loaded.size(), "the built-in modules count as loaded on this path");
    }

    @Test
    void theLocalEnvironmentComesFirst() throws Exception {
        FluxCliFacts f = new FluxCliFacts(flux, Map.of("FLUX_SCHED_MODULE", "none"));
        assertEquals(Optional.of("none"), f.env("FLUX_SCHED_MODULE"));
        assertFalse(Files.exists(log), "no command was needed");
    }

    @Test
    void errorTextDropsTheProgramAndItsContext() {
        assertEquals("No such file or directory",
                FluxCommand.errorText("flux-getattr: no.such.attr: No such file or directory\n", "no.such.attr: "));
        assertEquals("no.such.key is not set", FluxCommand.errorText("flux-config: no.such.key is not set\n", ""));
    }
}
