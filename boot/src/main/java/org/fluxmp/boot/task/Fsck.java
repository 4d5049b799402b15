package org.fluxmp.boot.task;

import java.util.List;
import java.util.Map;
import org.fluxmp.boot.exec.ExitStatus;
import org.fluxmp.boot.exec.JavaTask;
import org.fluxmp.boot.flux.Errno;
import org.fluxmp.boot.flux.FluxException;

/**
 * The built-in fsck task (rc1), as flux-core's rc1.py does it: no checkpoint (a first start) or a
 * dump just restored means nothing to check; else {@code flux fsck --repair --job-aware --quiet},
 * and on failure {@code content.dump} is removed so that rc3 does not dump a damaged store. The
 * checkpoint is looked up with one RPC ({@code content.checkpoint-get}) in-process: fsck sits on
 * rc1's critical path (content-backing, fsck, kvs), and a first start then costs no process.
 */
public final class Fsck implements JavaTask {
    @Override
    public void run(Context ctx) throws Exception {
        String restored = ctx.get("dump_restored");
        if ((restored != null && !restored.isEmpty()) || !checkpointExists(ctx)) {
            return;
        }
        int rc = ctx.exec(List.of("flux", "fsck", "--repair", "--job-aware", "--quiet"));
        if (rc != 0) {
            ctx.exec(List.of("flux", "setattr", "--expunge", "content.dump"));
            throw new Exception("flux fsck --repair --job-aware --quiet: " + ExitStatus.describe(rc));
        }
    }

    /** Whether the content store holds a KVS checkpoint: ENOENT (or no value) means none. */
    static boolean checkpointExists(Context ctx) throws Exception {
        try {
            Map<String, Object> r = ctx.rpc("content.checkpoint-get", Map.of());
            return r.get("value") != null;
        } catch (FluxException e) {
            if (e.errnum() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }
}
