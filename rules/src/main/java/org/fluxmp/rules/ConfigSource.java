package org.fluxmp.rules;

import java.util.function.Consumer;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.files.StrictModes;

/**
 * Where the rules read the configuration from: the search path, where {@code -v} says what it
 * looks at (VERBOSE), which files are trusted (STRICT), and the bridge that reads Python drop-ins
 * (null: none can be read).
 */
public record ConfigSource(SearchPath path, Consumer<String> verbose, StrictModes strict, PythonBridge bridge) {
    /** PATH, silent, trusting every file, without Python drop-ins. */
    public static ConfigSource of(SearchPath path) {
        return new ConfigSource(path, s -> { }, StrictModes.OFF, null);
    }

    /** The same place, read without saying so. */
    ConfigSource quiet() {
        return new ConfigSource(path, s -> { }, strict, bridge);
    }

    /** A rules session over the module configuration, for FACTS. */
    ModprobeRules open(Facts facts) {
        return ModprobeRules.open(path, facts, verbose, strict, bridge);
    }
}
