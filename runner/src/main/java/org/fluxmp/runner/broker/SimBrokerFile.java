package org.fluxmp.runner.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.rules.ConfigException;
import org.fluxmp.rules.Problem;
import org.fluxmp.rules.StaticFacts;
import org.fluxmp.rules.TomlDocument;

/**
 * The simulated broker's file (SPEC 5): rank, size, [attrs], [config], [env], loaded, [latency],
 * [remove-latency] (an extension: removal times, same form as [latency]), [fail], state and log. Relative paths are relative to the file's directory.
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

    private static final List<String> KEYS = List.of("rank", "size", "attrs", "config", "env", "loaded", "latency",
            "remove-latency", "fail", "state", "log");

    public static SimBrokerFile defaults() {
        return new SimBrokerFile(null, 0, 1, Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), null, null);
    }

    public static SimBrokerFile read(Path file) {
        TomlDocument doc = TomlDocument.read(file);
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        for (String key : doc.keys()) {
            if (!KEYS.contains(key)) {
                problems.add(new Problem(name, doc.line(key), "unknown sim broker key '" + key + "'"));
            }
        }
        int rank = (int) doc.integer("rank", 0, problems);
        int size = (int) doc.integer("size", Math.max(1, rank + 1), problems);
        Map<String, String> attrs = doc.stringTable("attrs", problems);
        Map<String, Object> config = doc.table("config", problems);
        Map<String, String> env = doc.stringTable("env", problems);
        List<String> loaded = doc.strings("loaded", problems);
        Map<String, Long> latency = millis(doc, "latency", name, problems);
        Map<String, Long> removeLatency = millis(doc, "remove-latency", name, problems);
        Map<String, String> fail = doc.stringTable("fail", problems);
        String state = doc.string("state", null, problems);
        String log = doc.string("log", null, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new SimBrokerFile(file, rank, size, attrs, config, env, loaded, latency, removeLatency, fail,
                state == null ? null : dir.resolve(state), log == null ? null : dir.resolve(log));
    }

    /** A table of non-negative integers (ms): {@code [latency]}, {@code [remove-latency]}. */
    private static Map<String, Long> millis(TomlDocument doc, String table, String file, List<Problem> problems) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : doc.table(table, problems).entrySet()) {
            if (e.getValue() instanceof Long && (Long) e.getValue() >= 0) {
                out.put(e.getKey(), (Long) e.getValue());
            } else {
                problems.add(new Problem(file, doc.line(table), table + "." + e.getKey() + ": must be a non-negative integer (ms)"));
            }
        }
        return out;
    }

    /** The broker facts this file describes (before any preview override). */
    public StaticFacts facts(Map<String, String> localEnv, ModuleServices services) {
        StaticFacts f = new StaticFacts(localEnv).rank(rank).size(size);
        attrs.forEach(f::attr);
        f.mergeConfig(config);
        env.forEach(f::brokerEnv);
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

        ModuleServices NAME_ONLY = m -> new LinkedHashSet<>(List.of(m));
    }
}
