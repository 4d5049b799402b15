package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.BootRequest;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.cache.RecordingFacts;
import org.fluxmp.boot.cache.RecordingSetupSteps;
import org.fluxmp.boot.cache.SetupRecord;
import org.fluxmp.boot.exec.DurationHistory;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.run.PlanExecution;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Selection;
import org.fluxmp.rules.Subject;
import org.fluxmp.solver.PlanOptions;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.schedule.Scheduler;

/**
 * The one flow of rc1, rc3, run, load and remove: look the plan up in the cache; on a miss, ask
 * the rules (a {@link RunRequest} becomes a {@link Decision}), order the decision (it becomes a
 * {@link Plan}) and store the plan; then run it. The boot module runs the same cached plans
 * without this class ({@link org.fluxmp.boot.Boot}).
 */
final class BootPipeline {
    private final RunningCommand command;
    private final Subject subject;

    BootPipeline(RunningCommand command, Subject subject) {
        this.command = command;
        this.subject = subject;
    }

    /** A plan and what running it needs (apart, so that tests can run one plan many times). */
    record Prepared(Plan plan, SimBrokerFile sim, Map<String, String> extraEnv, Job job) {}

    /**
     * Runs the subject. TIMING (null for none) gets the planner's phases; USE_CACHE looks plans up
     * and stores them; SHOW_DEPS prints the ordering graph instead of running (SPEC 6).
     */
    int run(RunTiming timing, boolean useCache, boolean showDeps) {
        Context ctx = command.root.ctx;
        RunOptions run = command.run;
        Facts facts = command.factOptions.facts(ctx);
        RunEnvironment env = RunEnvironment.of(ctx, command.factOptions, facts, subject);
        SetupStepRunner setup = env.setupSteps(ctx.out());
        Optional<PlanCacheFlow> cache = useCache && !showDeps
                ? PlanCacheFlow.open(ctx, identity(), source(), PlanCacheFlow.options(run.jobs), run.verbose)
                : Optional.empty();
        Deque<SetupRecord> replay = new ArrayDeque<>();
        Optional<Plan> hit = cache.isPresent() ? cache.get().lookup(facts, setup, replay) : Optional.empty();
        if (hit.isPresent()) {
            phase(timing, "configure");
            return execute(PlanCacheFlow.withWorkers(hit.get(), run.workers()), env, timing);
        }
        RecordingFacts recorded = new RecordingFacts(facts);
        RecordingSetupSteps steps = new RecordingSetupSteps(setup, replay);
        Decision d = request(recorded, steps, run.verbose && cache.isEmpty()).decide();
        if (showDeps) {
            return showDeps(ctx, d);
        }
        if (subject instanceof Subject.Load && d.units().isEmpty()) {
            ctx.err().println("flux-modprobe: All modules and dependencies are already loaded");
            return FluxModprobe.OK;
        }
        phase(timing, "configure");
        Plan plan = plan(ctx, env.job(), d, run.workers(), Scheduler.DEFAULT_TIME_LIMIT_MS);
        phase(timing, "solve");
        cache.ifPresent(c -> c.store(new CacheEntry(recorded.seen(), d.rankSets(), steps.records(), plan)));
        return execute(plan, env, timing);
    }

    /** The subject planned without the cache. */
    Prepared prepare() {
        Context ctx = command.root.ctx;
        Facts facts = command.factOptions.facts(ctx);
        RunEnvironment env = RunEnvironment.of(ctx, command.factOptions, facts, subject);
        Decision d = request(facts, env.setupSteps(ctx.out()), command.run.verbose).decide();
        Plan plan = plan(ctx, env.job(), d, command.run.workers(), Scheduler.DEFAULT_TIME_LIMIT_MS);
        return new Prepared(plan, command.factOptions.brokers(ctx).simFile(), env.extraEnv(), env.job());
    }

    /**
     * The one place where measured durations enter planning: the history of earlier runs of the
     * same tasks (see {@link DurationHistory}) orders ready tasks with real numbers; the solver
     * searches for at most TIME_LIMIT_MS.
     */
    static Plan plan(Context ctx, Job job, Decision d, int workers, long timeLimitMs) {
        DurationHistory.Key key = DurationHistory.Key.of(job.what(), job.brokerKind(), d.rank(), d.units());
        Map<String, Long> measured = DurationHistory.locate(ctx.env()).map(h -> h.load(key)).orElse(Map.of());
        return Planner.plan(d, new PlanOptions(workers, measured, timeLimitMs));
    }

    /** The subject asked of the rules with FACTS and SETUP: a run applies FLUX_MODPROBE_DISABLE, load and remove do not. */
    private RunRequest request(Facts facts, SetupStepRunner setup, boolean verbose) {
        Selection selection = subject instanceof Subject.Tasks ? SelectionOptions.fromEnvironment(command.root.ctx)
                : Selection.NONE;
        return new RunRequest(subject, facts, selection, setup, command.root.config(verbose));
    }

    private int execute(Plan plan, RunEnvironment env, RunTiming timing) {
        Context ctx = command.root.ctx;
        return PlanExecution.execute(ctx, plan, command.factOptions.brokers(ctx), command.run.settings(), env.extraEnv(),
                timing, env.job());
    }

    /** {@code --show-deps}: task -> predecessors as JSON; exits 0 even for a cyclic graph. */
    private static int showDeps(Context ctx, Decision d) {
        Map<String, Object> out = new LinkedHashMap<>();
        Planner.graph(d).predecessors().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        ctx.out().println(JsonStyle.PYTHON.write(out));
        return FluxModprobe.OK;
    }

    /** The run's identity in the plan-cache key, as the boot computes it ({@link BootRequest#identity}). */
    private String identity() {
        if (subject instanceof Subject.Tasks t) {
            return t.source().identity();
        }
        List<String> modules = subject instanceof Subject.Load l ? l.modules() : ((Subject.Remove) subject).modules();
        return new BootRequest(subject.name(), null, modules, null, false, null).identity();
    }

    private RcSource source() {
        return subject instanceof Subject.Tasks t ? t.source() : null;
    }

    private static void phase(RunTiming timing, String name) {
        if (timing != null) {
            timing.phase(name);
        }
    }
}
