package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.rules.TomlDocument;

/** Reads a simulated broker's file (TOML, SPEC 5) into a {@link SimBrokerFile}. */
public final class SimBrokerFileReader {
    private SimBrokerFileReader() {}

    private static final List<String> KEYS = List.of("rank", "size", "attrs", "config", "env", "loaded", "latency",
            "remove-latency", "fail", "state", "log");

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

}
