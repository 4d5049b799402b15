package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.cache.CacheEntry;
import org.fluxmp.boot.cache.PlanCacheFlow;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.Decision;
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
            throw ToolException.usage("compile: expected rc1 or rc3, not " + runlevel);
        }
        if (timeLimit < 0) {
            throw ToolException.usage("--time-limit: must not be negative");
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
        List<RankClasses.RankClass<CacheEntry>> classes = RankClasses.split(wanted,
                rank -> RankReading.of(root, factOptions, factOptions.facts(ctx, rank), RcSource.runlevel(runlevel),
                        SelectionOptions.fromEnvironment(ctx), ctx.err(), false).forClasses(),
                r -> r.reading().expressions(), (r, rank) -> {
                    Decision d = r.reading().decideAt(rank);
                    return new RankClasses.Decided<>(search -> entry(ctx, r, d, search), d.rankSets(), false);
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
            ctx.out().println(JsonStyle.PYTHON.write(report));
        }
        return FluxModprobe.OK;
    }

    /** D, read as R, planned with SEARCH ms of solver time: the entry that stores it, with the facts R asked and the setup steps it ran. */
    private CacheEntry entry(Context ctx, RankReading r, Decision d, long search) {
        Plan plan = BootPipeline.plan(ctx, r.env().job(), d, run.workers(), search);
        return new CacheEntry(r.facts().seen(), d.rankSets(), r.setup(), plan);
    }
}
