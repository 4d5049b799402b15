package org.fluxmp.boot.broker;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.facts.StaticFacts;

/**
 * The simulated broker's file (SPEC 5): rank, size, [attrs], [config], [env], loaded, [latency],
 * [remove-latency] (an extension: removal times, same form as [latency]), [fail], state and log. Relative paths are
 * relative to the file's directory. Read by the planner side (SimBrokerFileReader, TOML); the boot uses {@link #defaults()}.
 */
public record SimBrokerFile(
        Path file,
        int rank,
        int size,
        Map<String, String> attrs,
        Map<String, Object> config,
        Map<String, String> env,
        List<String> loaded,
        Map<String, Long> latency,
        Map<String, Long> removeLatency,
        Map<String, String> fail,
        Path state,
        Path log) {

    public static SimBrokerFile defaults() {
        return new SimBrokerFile(null, 0, 1, Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), null, null);
    }

    /** The broker facts this file describes (before any preview override). */
    public StaticFacts facts(Map<String, String> localEnv, ModuleServices services) {
        StaticFacts f = new StaticFacts(localEnv).rank(rank).size(size);
        for (Map.Entry<String, String> a : attrs.entrySet()) {
            f.attr(a.getKey(), a.getValue());
        }
        f.mergeConfig(config);
        for (Map.Entry<String, String> e : env.entrySet()) {
            f.brokerEnv(e.getKey(), e.getValue());
        }
        for (String m : loadedModules()) {
            f.loaded(m, services.of(m));
        }
        return f;
    }

    /** The loaded modules: from the state file when it exists, else {@code loaded}. */
    public List<String> loadedModules() {
        if (state != null && java.nio.file.Files.exists(state)) {
            return SimState.read(state);
        }
        return loaded;
    }

    /** Which services a loaded module offers: its name and its configured provides. */
    public interface ModuleServices {
        Set<String> of(String module);

        ModuleServices NAME_ONLY = new ModuleServices() {
            @Override
            public Set<String> of(String module) {
                return new LinkedHashSet<>(List.of(module));
            }
        };
    }
}
