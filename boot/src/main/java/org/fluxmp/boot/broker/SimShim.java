package org.fluxmp.boot.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.ScratchFiles;
import org.fluxmp.boot.json.JsonStyle;

/**
 * Task scripts call the {@code flux} command; against the simulated broker they get the stand-in in
 * {@code libexec/flux-modprobe/sim/}, which answers attributes and config from the sim file and logs
 * each call.
 */
public final class SimShim {
    private SimShim() {}

    /**
     * Environment additions for task and setup scripts run against the simulated broker: the
     * stand-in first on PATH, and files of FACTS' attributes and config for it to answer from.
     */
    public static Map<String, String> env(Path home, Map<String, String> baseEnv, StaticFacts facts, Path log) {
        Map<String, String> out = new LinkedHashMap<>();
        String path = baseEnv.getOrDefault("PATH", "/usr/bin:/bin");
        out.put("PATH", home.resolve("libexec/flux-modprobe/sim").toAbsolutePath() + ":" + path);
        out.put("FLUX_MODPROBE_SIM_ATTRS", table("attrs", facts.attrs()));
        Map<String, String> config = new LinkedHashMap<>();
        flatten("", facts.config(), config);
        out.put("FLUX_MODPROBE_SIM_CONFIG", table("config", config));
        if (log != null) {
            out.put("FLUX_MODPROBE_SIM_LOG", log.toAbsolutePath().toString());
        }
        return out;
    }

    /**
     * Every key of CONFIG, tables too, dotted, with what {@code flux config get KEY} prints: a
     * string as it is, anything else as compact JSON. A value with a line break cannot be a line of
     * the table and is left out.
     */
    static void flatten(String prefix, Map<?, ?> config, Map<String, String> out) {
        for (Map.Entry<?, ?> e : config.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            String printed = v instanceof String str ? str : JsonStyle.COMPACT.write(v);
            if (printed.indexOf('\n') < 0 && key.indexOf('\t') < 0) {
                out.put(key, printed);
            }
            if (v instanceof Map<?, ?> table) {
                flatten(key + ".", table, out);
            }
        }
    }

    /** A temporary file of NAME<TAB>VALUE lines, removed when the tool exits. */
    private static String table(String what, Map<String, String> lines) {
        try {
            java.io.File f = ScratchFiles.createUnique(new java.io.File(System.getProperty("java.io.tmpdir")),
                    "flux-modprobe-sim-" + what + "-", ".tsv");
            f.deleteOnExit();
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> a : lines.entrySet()) {
                sb.append(a.getKey()).append('\t').append(a.getValue()).append('\n');
            }
            try (java.io.FileOutputStream w = new java.io.FileOutputStream(f)) {
                w.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
