package org.fluxmp.boot;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fluxmp.boot.files.StrictModes;

/**
 * What a command may touch: its streams, its environment, the tool's home directory, and which
 * files it may trust ({@link StrictModes}).
 */
public record Context(PrintStream out, PrintStream err, Map<String, String> env, Path home, StrictModes strict) {
    /** A context that trusts every file (tests, and commands that are not run as root). */
    public Context(PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        this(out, err, env, home, StrictModes.OFF);
    }

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
