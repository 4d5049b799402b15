package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.Map;

/**
 * The program that reads Python drop-ins for the tool (SPEC 10): {@code libexec/flux-modprobe/python/bridge}
 * of the tool's home, run with ENV (the tool's environment, which says which Python:
 * FLUX_MODPROBE_PYTHON, else {@code flux python}, else python3).
 */
public record PythonBridge(Path script, Map<String, String> env) {
    /** The bridge shipped in HOME. */
    public static PythonBridge of(Path home, Map<String, String> env) {
        return new PythonBridge(home.resolve("libexec").resolve("flux-modprobe").resolve("python").resolve("bridge")
                .toAbsolutePath(), env);
    }
}
