package org.fluxmp.boot.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.files.StrictModes;

/**
 * The environment task bodies start from (SPEC 3: the tool's environment, then
 * FLUX_MODPROBE_RANK, FLUX_MODPROBE_TASK and what setenv added). When the tool runs as root with
 * {@link StrictModes} on, variables that make the dynamic loader, a shell or a JVM run code the
 * caller chose are removed ({@code LD_*}, {@code BASH_FUNC_*}, and {@link #REMOVED_AS_ROOT}), and
 * PATH keeps only its absolute entries ({@link #SAFE_PATH} if none is left). Otherwise bodies get
 * the tool's environment as it is: the caller could run them itself.
 */
public final class TaskEnvironment {
    /** Shell-startup, word-splitting and JVM-option variables removed as root. */
    public static final Set<String> REMOVED_AS_ROOT = Set.of("BASH_ENV", "ENV", "IFS", "CDPATH", "GLOBIGNORE",
            "SHELLOPTS", "BASHOPTS", "PS4", "PROMPT_COMMAND", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS", "PERL5OPT", "PERL5LIB", "RUBYOPT", "NODE_OPTIONS", "PYTHONSTARTUP", "PYTHONINSPECT");

    /** PATH as root when the caller's has no absolute entry. */
    public static final String SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private TaskEnvironment() {}

    /** The environment bodies start from, given the tool's ENV and its STRICT checks. */
    public static Map<String, String> of(Map<String, String> env, StrictModes strict) {
        Map<String, String> out = new LinkedHashMap<>(env);
        if (!strict.enforce()) {
            return out;
        }
        for (String k : env.keySet()) {
            if (k.startsWith("LD_") || k.startsWith("BASH_FUNC_") || REMOVED_AS_ROOT.contains(k)) {
                out.remove(k);
            }
        }
        out.put("PATH", absoluteEntries(env.get("PATH")));
        return out;
    }

    private static String absoluteEntries(String path) {
        List<String> kept = new ArrayList<>();
        if (path != null) {
            for (String e : path.split(":")) {
                if (e.startsWith("/")) {
                    kept.add(e);
                }
            }
        }
        return kept.isEmpty() ? SAFE_PATH : String.join(":", kept);
    }
}
