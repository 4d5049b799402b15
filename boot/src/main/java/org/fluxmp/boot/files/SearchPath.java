package org.fluxmp.boot.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where configuration lives (SPEC 1): the built-in directory (always read first) and the drop-in
 * directories, as upstream: for {@code modprobe.d} (DIRS) default
 * {@code /usr/share/flux/modprobe:/etc/flux/modprobe} (datadir, sysconfdir), for {@code rcN.d}
 * (RCDIRS) default {@code /usr/libexec/flux/modprobe:/etc/flux/modprobe} (libexecdir, sysconfdir).
 * FLUX_MODPROBE_PATH replaces both; FLUX_MODPROBE_PATH_APPEND extends both.
 */
public record SearchPath(Path builtin, List<String> dirs, List<String> rcDirs) {
    public static final List<String> DEFAULT_DIRS = List.of("/usr/share/flux/modprobe", "/etc/flux/modprobe");
    public static final List<String> DEFAULT_RC_DIRS = List.of("/usr/libexec/flux/modprobe", "/etc/flux/modprobe");

    /** The same directories for modprobe.d and rcN.d. */
    public SearchPath(Path builtin, List<String> dirs) {
        this(builtin, dirs, dirs);
    }

    public static SearchPath fromEnvironment(Path builtin, Map<String, String> env) {
        return new SearchPath(builtin, dirs(env, DEFAULT_DIRS), dirs(env, DEFAULT_RC_DIRS));
    }

    private static List<String> dirs(Map<String, String> env, List<String> defaults) {
        List<String> dirs = new ArrayList<>();
        if (env.containsKey("FLUX_MODPROBE_PATH")) {
            dirs.addAll(split(env.get("FLUX_MODPROBE_PATH")));
        } else {
            dirs.addAll(defaults);
        }
        if (env.containsKey("FLUX_MODPROBE_PATH_APPEND")) {
            dirs.addAll(split(env.get("FLUX_MODPROBE_PATH_APPEND")));
        }
        return List.copyOf(new LinkedHashSet<>(dirs));
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(":")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
