package org.fluxmp.boot.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.exec.TaskRunner;
import org.fluxmp.boot.files.SearchPath;

/** What a run needs beyond its plan: what it is (rc1, run FILE, load), the broker spec, where Java task jars are, attributes. */
public record Job(String what, String brokerSpec, List<Path> javaTaskDirs, Function<String, Optional<String>> attrs) {
    /** Load/remove: modules only, so no Java tasks and no attributes. */
    public static Job modules(String what, String brokerSpec) {
        return new Job(what, brokerSpec, List.of(), TaskRunner.NO_ATTRIBUTES);
    }


    /** The broker kind in the durations key: measured sim latencies must not order real boots. */
    public String brokerKind() {
        return brokerSpec.startsWith("sim") ? "sim" : brokerSpec;
    }

    public boolean defaultSim() {
        return brokerSpec.equals("sim");
    }

    /** The search path's DIR/RUNLEVEL.d directories, where Java task jars may be. */
    public static List<Path> rcDirs(Context ctx, String runlevel) {
        List<Path> out = new ArrayList<>();
        for (String dir : SearchPath.fromEnvironment(ctx.builtinDir(), ctx.env()).rcDirs()) {
            out.add(Path.of(dir, runlevel + ".d"));
        }
        return out;
    }

}
