package org.fluxmp.boot.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.RcSource;

/**
 * What a run needs beyond its plan: what it is (rc1, run FILE, load), the broker spec, where Java
 * task jars are, and the broker's facts that task bodies may ask for (attributes, config, the
 * broker's environment).
 */
public record Job(String what, String brokerSpec, List<Path> javaTaskDirs, Facts facts) {
    /** The run of what SOURCE reads, its Java task jars in the source's directories. */
    public static Job of(RcSource source, String brokerSpec, Context ctx, Facts facts) {
        return new Job(source.what(), brokerSpec, source.javaTaskDirs(ctx), facts);
    }

    /** Load/remove: modules only, so no Java tasks and no facts. */
    public static Job modules(String what, String brokerSpec) {
        return new Job(what, brokerSpec, List.of(), new StaticFacts(Map.of()));
    }


    /** The broker kind in the durations key: measured sim latencies must not order real boots. */
    public String brokerKind() {
        return brokerSpec.startsWith("sim") ? "sim" : brokerSpec;
    }

    public boolean defaultSim() {
        return brokerSpec.equals("sim");
    }
}
