package org.fluxmp.boot;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What a command may touch: its streams, its environment and the tool's home directory. */
public record Context(PrintStream out, PrintStream err, Map<String, String> env, Path home) {
    /** The built-in configuration directory of this context's home (see {@link #builtinDir(Path)}). */
    public Path builtinDir() {
        return builtinDir(home);
    }

    /**
     * The built-in configuration directory of HOME: {@code HOME/etc/flux/modprobe} in an installed
     * tree (the release tarball's layout), else {@code HOME/etc/modprobe} (the source checkout).
     */
    public static Path builtinDir(Path home) {
        Path installed = home.resolve("etc").resolve("flux").resolve("modprobe");
        return Files.isDirectory(installed) ? installed : home.resolve("etc").resolve("modprobe");
    }
}
