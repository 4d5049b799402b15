package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.cache.RecordingFacts;
import org.fluxmp.boot.cache.RecordingSetupSteps;
import org.fluxmp.boot.cache.SetupRecord;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.task.BashSetupSteps;
import org.fluxmp.solver.schedule.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code compile}: plan ahead of a boot, for every rank class, and store the plans in the cache (SPEC 9). */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Store the plans of rc1 or rc3 ahead of a boot.",
            "Builds and stores the plans of rc1 (or rc3) so that every rank boots from a cached plan: run it "
                + "at deploy time, with the FLUX_MODPROBE_CACHE and configuration the brokers will see. Prints "
                + "what it stored, grouping ranks that get the same plan."})
final class CompileCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin RunOptions run;
    @Mixin FactOptions factOptions;

    @Parameters(paramLabel = "rc1|rc3", arity = "0..1", defaultValue = "rc1", description = "The runlevel to compile (default rc1).")
    String runlevel;

    @Option(names = "--ranks", paramLabel = "IDSET",
            description = "Ranks to compile for: an idset such as 0-16383, or all (0 to the instance size - 1); "
                    + "planned once per class of ranks that decide alike (default: the broker's rank).")
    String ranks;

    @Option(names = "--time-limit", paramLabel = "MS", defaultValue = "" + Scheduler.DEFAULT_TIME_LIMIT_MS,
            description = "How long the solver may search for better schedules, in all: with several rank classes, "
                    + "each gets an equal share, and one under 20 ms is list-scheduled (default: ${DEFAULT-VALUE} ms).")
    long timeLimit;

    @Option(names = "--json", description = "Print [{\"ranks\", \"file\", \"tasks\"}] instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (!runlevel.equals("rc1") && !runlevel.equals("rc3")) {
            throw ConfigException.usage("compile: expected rc1 or rc3, not " + runlevel);
        }
        if (timeLimit < 0) {
            throw ConfigException.usage("--time-limit: must not be negative");
        }
        Context ctx = root.ctx;
        IdRanges wanted;
        if (ranks == null) {
            int own = factOptions.facts(ctx).rank();
            wanted = IdRanges.range(own, own);
        } else {
            wanted = RankClasses.parse("--ranks", ranks, () -> factOptions.size(ctx));
        }
        PlanCacheFlow flow = PlanCacheFlow.open(ctx, runlevel, RcSource.runlevel(runlevel), PlanCacheFlow.options(run.jobs), false)
                .orElseThrow(() -> new ConfigException("compile: cannot read the configuration files"));
        // one plan per class of ranks, stored as one entry that any rank of the class hits
        List<RankClasses.RankClass<CacheEntry>> classes = RankClasses.split(wanted, rank -> read(ctx, rank),
                c -> PlanMaker.expressions(c.read().rules()), (reading, rank) -> {
                    PlanMaker.Decided d = reading.read().at(rank);
                    return new RankClasses.Decided<>(search -> reading.entry(d, search), d.rankSets(), false);
                }, timeLimit);
        List<CacheEntry> entries = new ArrayList<>();
        for (RankClasses.RankClass<CacheEntry> c : classes) {
            entries.add(c.value());
        }
        flow.storeCompiled(entries);
        // ranks that get the same tasks share a line of output
        List<Object> report = new ArrayList<>();
        for (RankClasses.RankClass<CacheEntry> g : RankClasses.merged(classes, e -> e.plan().tasks())) {
            String idset = g.ranks().toString();
            List<PlanTask> tasks = g.value().plan().tasks();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ranks", idset);
                m.put("file", flow.file().toString());
                m.put("tasks", tasks.size());
                report.add(m);
            } else {
                ctx.out().println(runlevel + ": ranks " + idset + ": " + tasks.size() + " tasks, stored in " + flow.file());
            }
        }
        if (json) {
            ctx.out().println(PyJson.write(report));
        }
        return FluxModprobe.OK;
    }

    /** The files read as RANK for the runlevel, with what that asked of the broker and ran. */
    private RankClasses.Reading<Compiling> read(Context ctx, int rank) {
        Facts facts = factOptions.facts(ctx, rank);
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        env.putAll(factOptions.taskEnv(ctx, facts));
        env.put("FLUX_RC_USE_MODPROBE", "t");
        RecordingFacts recorded = new RecordingFacts(facts);
        Job job = Job.of(RcSource.runlevel(runlevel), factOptions.brokerSpec(ctx), ctx, facts);
        RecordingSetupSteps steps = new RecordingSetupSteps(new BashSetupSteps(env, rank, ctx.err()), new ArrayDeque<>());
        PlanMaker.Reading reading = runlevel.equals("rc1")
                ? PlanMaker.readRun(ctx, recorded, steps, RcSource.runlevel("rc1"), false,
                        () -> new ArrayList<>(recorded.loadedModules().keySet()))
                : PlanMaker.readRc3(ctx, recorded, steps, false);
        return new RankClasses.Reading<>(new Compiling(ctx, reading, job, run.workers(), recorded, steps.records()),
                recorded, !steps.records().isEmpty());
    }

    /** A reading with what each class's stored entry records: the facts asked, the setup steps run. */
    private record Compiling(Context ctx, PlanMaker.Reading read, Job job, int workers, RecordingFacts facts,
            List<SetupRecord> setup) {
        /** D planned with SEARCH ms of solver time, as the entry that stores it. */
        CacheEntry entry(PlanMaker.Decided d, long search) {
            Plan plan = d.plan(ctx, job, workers, search).plan();
            return new CacheEntry(facts.seen(), d.rankSets(), setup, plan);
        }
    }
}
