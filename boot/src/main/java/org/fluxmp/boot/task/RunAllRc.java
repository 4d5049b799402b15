package org.fluxmp.boot.task;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.exec.JavaTask;

/**
 * The built-in run-all-rc1 / run-all-rc3 tasks (flux-core's {@code run_all_rc_scripts}): runs the
 * executable files in {@code rcN.d} under the Flux config directory, then under each
 * {@code FLUX_RC_EXTRA} entry, each directory in name order. A script that fails does not stop
 * the others; the task fails at the end with {@code one or more rcN.d scripts failed}.
 *
 * <p>The config directory is {@code FLUX_CONFDIR} if set, else {@code /etc/flux}: flux-core uses
 * its compiled-in confdir, the same directory the default search path's {@code /etc/flux/modprobe}
 * assumes. Scripts run without a shell, with the task's environment, and are killed with the task.
 */
public abstract class RunAllRc implements JavaTask {
    private final int runlevel;

    protected RunAllRc(int runlevel) {
        this.runlevel = runlevel;
    }

    @Override
    public void run(Context ctx) throws Exception {
        boolean ok = true;
        for (Path entry : dirs(ctx)) {
            Path rcdir = entry.resolve("rc" + runlevel + ".d");
            if (!Files.isDirectory(rcdir)) {
                continue;
            }
            List<Path> files;
            try {
                files = executables(rcdir);
            } catch (IOException e) {
                ctx.printErr("Cannot access directory " + rcdir + ": " + reason(e));
                ok = false;
                continue;
            }
            for (Path file : files) {
                ctx.print("running " + file);
                try {
                    int rc = ctx.exec(List.of(file.toString()));
                    if (rc != 0) {
                        ctx.printErr(file + " failed with exit code " + rc);
                        ok = false;
                    }
                } catch (IOException e) {
                    ctx.printErr("Cannot execute " + file + ": " + reason(e));
                    ok = false;
                }
            }
        }
        if (!ok) {
            throw new Exception("one or more rc" + runlevel + ".d scripts failed");
        }
    }

    /** The config directory (symlinks resolved, as Python's Path.resolve), then FLUX_RC_EXTRA's entries. */
    static List<Path> dirs(Context ctx) {
        List<Path> out = new ArrayList<>();
        String confdir = ctx.localenv("FLUX_CONFDIR");
        Path core = Path.of(confdir == null || confdir.isEmpty() ? "/etc/flux" : confdir).toAbsolutePath().normalize();
        try {
            core = core.toRealPath();
        } catch (IOException e) {
            // a missing directory stays as it is, and is skipped
        }
        out.add(core);
        String extra = ctx.localenv("FLUX_RC_EXTRA");
        if (extra != null) {
            for (String d : extra.split(":")) {
                if (!d.isBlank()) {
                    out.add(Path.of(d));
                }
            }
        }
        return out;
    }

    static List<Path> executables(Path rcdir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(rcdir)) {
            for (Path f : s) {
                if (Files.isRegularFile(f) && Files.isExecutable(f)) {
                    out.add(f);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
