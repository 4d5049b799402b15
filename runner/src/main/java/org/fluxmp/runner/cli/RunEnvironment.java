package org.fluxmp.runner.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.boot.task.BashSetupSteps;
import org.fluxmp.rules.Subject;

/**
 * What a run's scripts get beyond the tool's environment (the task environment of the facts'
 * broker; {@code FLUX_RC_USE_MODPROBE=t} in rc1 and rc3, as the original's), and the job it is
 * (what, on which broker, where its Java tasks are). Load and remove run no setup steps.
 */
record RunEnvironment(Subject subject, Map<String, String> extraEnv, Job job, Context ctx, int rank) {

    static RunEnvironment of(Context ctx, FactOptions options, Facts facts, Subject subject) {
        Map<String, String> extra = new LinkedHashMap<>(options.taskEnv(ctx, facts));
        Job job;
        if (subject instanceof Subject.Tasks t) {
            if (t.source().rcStage()) {
                extra.put("FLUX_RC_USE_MODPROBE", "t");
            }
            job = Job.of(t.source(), options.brokerSpec(ctx), ctx, facts);
        } else {
            job = Job.modules(subject.name(), options.brokerSpec(ctx));
        }
        return new RunEnvironment(subject, java.util.Collections.unmodifiableMap(extra), job, ctx, facts.rank());
    }

    /** How setup {@code run} steps run, their output going to OUT: bash with the tool's environment plus the extra. */
    SetupStepRunner setupSteps(PrintStream out) {
        if (!(subject instanceof Subject.Tasks)) {
            return SetupStepRunner.NONE;
        }
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        env.putAll(extraEnv);
        return new BashSetupSteps(env, rank, out);
    }
}
