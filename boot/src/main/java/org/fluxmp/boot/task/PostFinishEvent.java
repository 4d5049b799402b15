package org.fluxmp.boot.task;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.exec.JavaTask;

/**
 * The built-in post-finish-event task (rc3): appends the {@code finish} event to the instance's
 * startlog, as {@code flux startlog --post-finish-event} does, with the one KVS commit that
 * command makes: key {@code admin.eventlog}, flag APPEND, a value of the eventlog entry
 * {@code {"timestamp":T,"name":"finish","context":{"version":1}}} and a newline. It stands before
 * the removal of kvs on every shutdown's critical path, where the command costs a process.
 */
public final class PostFinishEvent implements JavaTask {
    /** flux-core's startlog key, event version, and FLUX_KVS_APPEND. */
    static final String KEY = "admin.eventlog";
    static final int VERSION = 1;
    static final int APPEND = 32;

    @Override
    public void run(Context ctx) throws Exception {
        String ns = ctx.localenv("FLUX_KVS_NAMESPACE");
        ctx.rpc("kvs.commit", Map.of(
                "namespace", ns != null && !ns.isEmpty() ? ns : "primary",
                "flags", 0,
                "ops", List.of(Map.of("key", KEY, "flags", APPEND, "dirent", value(entry(System.currentTimeMillis()))))));
    }

    /** The eventlog entry, one line, as flux-core encodes it (compact JSON and a newline). */
    static String entry(long epochMillis) {
        String timestamp = org.fluxmp.boot.exec.Executor.millis3(epochMillis / 1000.0);
        return "{\"timestamp\":" + timestamp + ",\"name\":\"finish\",\"context\":{\"version\":" + VERSION + "}}\n";
    }

    /** A KVS value (a treeobj "val" of the bytes, base64). */
    static Map<String, Object> value(String text) {
        return Map.of("ver", 1, "type", "val",
                "data", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
