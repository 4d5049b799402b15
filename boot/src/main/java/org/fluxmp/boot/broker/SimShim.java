package org.fluxmp.boot.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task scripts call the {@code flux} command; against the simulated broker they get the stand-in in
 * {@code libexec/flux-modprobe/sim/}, which answers attributes from the sim file and logs each call.
 */
public final class SimShim {
    private SimShim() {}

    /**
     * A new empty file in the temporary directory, named by the clock and created exclusively: no
     * SecureRandom (and its security providers) on the boot path for a name that only needs to be unique.
     */
    private static Path uniqueFile() throws IOException {
        for (long n = System.nanoTime();; n++) {
            Path f = Path.of(System.getProperty("java.io.tmpdir"), "flux-modprobe-sim-attrs-" + n + ".tsv");
            try {
                Files.newOutputStream(f, java.nio.file.StandardOpenOption.CREATE_NEW).close();
                return f;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run took this name: try the next
            }
        }
    }

    /** Environment additions for task and setup scripts run against the simulated broker. */
    public static Map<String, String> env(Path home, Map<String, String> baseEnv, Map<String, String> attrs, Path log) {
        Map<String, String> out = new LinkedHashMap<>();
        String path = baseEnv.getOrDefault("PATH", "/usr/bin:/bin");
        out.put("PATH", home.resolve("libexec/flux-modprobe/sim").toAbsolutePath() + ":" + path);
        try {
            Path f = uniqueFile();
            f.toFile().deleteOnExit();
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> a : attrs.entrySet()) {
                sb.append(a.getKey()).append('\t').append(a.getValue()).append('\n');
            }
            Files.writeString(f, sb);
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
