package org.fluxmp.boot.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task scripts call the {@code flux} command; against the simulated broker they get the stand-in in
 * {@code libexec/flux-modprobe/sim/}, which answers attributes from the sim file and logs each call.
 */
public final class SimShim {
    private SimShim() {}

    /** Environment additions for task and setup scripts run against the simulated broker. */
    public static Map<String, String> env(Path home, Map<String, String> baseEnv, Map<String, String> attrs, Path log) {
        Map<String, String> out = new LinkedHashMap<>();
        String path = baseEnv.getOrDefault("PATH", "/usr/bin:/bin");
        out.put("PATH", home.resolve("libexec/flux-modprobe/sim").toAbsolutePath() + ":" + path);
        try {
            java.io.File f = org.fluxmp.boot.files.ScratchFiles.createUnique(new java.io.File(System.getProperty("java.io.tmpdir")),
                    "flux-modprobe-sim-attrs-", ".tsv");
            f.deleteOnExit();
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> a : attrs.entrySet()) {
                sb.append(a.getKey()).append('\t').append(a.getValue()).append('\n');
            }
            try (java.io.FileOutputStream w = new java.io.FileOutputStream(f)) {
                w.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.put("FLUX_MODPROBE_SIM_ATTRS", f.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (log != null) {
            out.put("FLUX_MODPROBE_SIM_LOG", log.toAbsolutePath().toString());
        }
        return out;
    }
}
