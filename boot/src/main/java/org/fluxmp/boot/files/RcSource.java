package org.fluxmp.boot.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.Context;

/**
 * Which task files a run reads (SPEC 1): a runlevel ({@code rc1}, {@code rc3}: the built-in
 * {@code rcN.toml}, then {@code DIR/rcN.d/*.toml} on the search path); a NAME given to {@code run}
 * without an extension, read the same way ({@code NAME.toml}, {@code DIR/NAME.d/*.toml}, as the
 * original reads {@code NAME.py} and {@code NAME.d/*.py}); or a FILE given to {@code run}, read alone.
 *
 * @param name the runlevel or NAME whose files are listed, null for a FILE
 * @param file the FILE, null for a name
 * @param rcStage rc1 or rc3, whose tasks see {@code FLUX_RC_USE_MODPROBE=t} as the original's
 */
public record RcSource(String name, Path file, boolean rcStage) {
    /** rc1 or rc3. */
    public static RcSource runlevel(String runlevel) {
        return new RcSource(runlevel, null, true);
    }

    /**
     * What {@code run ARG} reads: a NAME when ARG has neither an extension nor a directory part
     * ({@code run rc2}), else the file ARG ({@code run ./rc2} for a file without an extension).
     */
    public static RcSource run(String arg) {
        return isName(arg) ? new RcSource(arg, null, false) : new RcSource(null, Path.of(arg), false);
    }

    /** The argument of a command that reads rc1, rc3 or what {@code run ARG} reads (solve, graph, explain). */
    public static RcSource of(String arg) {
        return arg.equals("rc1") || arg.equals("rc3") ? runlevel(arg) : run(arg);
    }

    static boolean isName(String arg) {
        return !arg.isEmpty() && arg.indexOf('/') < 0 && arg.indexOf('.') < 0;
    }

    /** rc1, rc3, run:NAME or run:/ABSOLUTE/FILE: the run's identity in the plan-cache key. */
    public String identity() {
        return rcStage ? name : "run:" + (file != null ? file.toAbsolutePath().toString() : name);
    }

    /** rc1, rc3, {@code run NAME} or {@code run FILENAME}: what the run is called in summaries and duration history. */
    public String what() {
        return rcStage ? name : "run " + (file != null ? file.getFileName() : name);
    }

    /** The argument as given: the name or the file. */
    public String argument() {
        return file != null ? file.toString() : name;
    }

    /** Whether this is rc3 (remove what is loaded, then rc3's tasks). */
    public boolean isRc3() {
        return rcStage && name.equals("rc3");
    }

    /** Where Java task jars may be: the search path's NAME.d directories, or FILE's directory. */
    public List<Path> javaTaskDirs(Context ctx) {
        if (file != null) {
            return List.of(file.toAbsolutePath().getParent());
        }
        List<Path> out = new ArrayList<>();
        for (String dir : SearchPath.fromEnvironment(ctx.builtinDir(), ctx.env()).rcDirs()) {
            out.add(Path.of(dir, name + ".d"));
        }
        return out;
    }
}
