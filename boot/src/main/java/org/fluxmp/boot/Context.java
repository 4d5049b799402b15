package org.fluxmp.boot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a command may touch: its streams, its environment and the tool's home directory. */
public record Context(PrintStream out, PrintStream err, Map<String, String> env, Path home) {
    /** The built-in configuration directory, {@code HOME/etc/modprobe}. */
    public Path builtinDir() {
        return home.resolve("etc").resolve("modprobe");
    }
}
