package org.fluxmp.boot.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where configuration lives: the built-in directory (always read first) and the drop-in
 * directories, default {@code /usr/share/flux/modprobe:/etc/flux/modprobe}, replaced by
 * FLUX_MODPROBE_PATH and extended by FLUX_MODPROBE_PATH_APPEND.
 */
public record SearchPath(Path builtin, List<String> dirs) {
    public static final List<String> DEFAULT_DIRS = List.of("/usr/share/flux/modprobe", "/etc/flux/modprobe");

    public static SearchPath fromEnvironment(Path builtin, Map<String, String> env) {
        List<String> dirs = new ArrayList<>();
        if (env.containsKey("FLUX_MODPROBE_PATH")) {
            dirs.addAll(split(env.get("FLUX_MODPROBE_PATH")));
        } else {
            dirs.addAll(DEFAULT_DIRS);
        }
        if (env.containsKey("FLUX_MODPROBE_PATH_APPEND")) {
            dirs.addAll(split(env.get("FLUX_MODPROBE_PATH_APPEND")));
        }
        return new SearchPath(builtin, List.copyOf(new LinkedHashSet<>(dirs)));
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
