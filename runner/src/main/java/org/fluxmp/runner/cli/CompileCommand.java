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
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.boot.run.Job;
import org.fluxmp.boot.task.BashSetupSteps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code compile}: plan ahead of a boot, for every rank class, and store the plans in the cache (SPEC 9). */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Build and store the plans of rc1 (or rc3) ahead of a boot, e.g. at deploy time, so that",
            "every rank boots from a cached plan. Run it with the FLUX_MODPROBE_CACHE and configuration",
            "the brokers will see. Prints what it stored, grouping ranks that get the same plan."})
final class CompileCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin RunOptions run;
    @Mixin FactOptions factOptions;

    @Parameters(paramLabel = "rc1|rc3", arity = "0..1", defaultValue = "rc1", description = "The runlevel to compile (default rc1).")
    String runlevel;

    @Option(names = "--ranks", paramLabel = "IDSET", description = "Ranks to compile for (default: the broker's rank).")
    String ranks;

    @Option(names = "--json", description = "Print [{\"ranks\", \"file\", \"tasks\"}] instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (!runlevel.equals("rc1") && !runlevel.equals("rc3")) {
            throw new ConfigException("compile: expected rc1 or rc3, not " + runlevel);
        }
        Context ctx = root.ctx;
        List<Integer> rankList = ranks == null ? List.of(factOptions.facts(ctx).rank()) : expand(ranks);
        PlanCacheFlow flow = PlanCacheFlow.open(ctx, runlevel, runlevel, null, PlanCacheFlow.options(run.jobs), false)
                .orElseThrow(() -> new ConfigException("compile: cannot read the configuration files"));
        // ranks that get the same tasks share a line of output
        Map<List<PlanTask>, List<Integer>> groups = new LinkedHashMap<>();
        for (int rank : rankList) {
            factOptions.rank = rank;
            Facts facts = factOptions.facts(ctx);
            Map<String, String> env = new LinkedHashMap<>(ctx.env());
            env.putAll(factOptions.taskEnv(ctx, facts));
            env.put("FLUX_RC_USE_MODPROBE", "t");
            RecordingFacts recorded = new RecordingFacts(facts);
            Job job = new Job(runlevel, factOptions.brokerSpec(ctx), Job.rcDirs(ctx, runlevel),
                    facts::attr);
            RecordingSetupSteps steps = new RecordingSetupSteps(new BashSetupSteps(env, rank, ctx.err()), new ArrayDeque<>());
            PlanMaker.Made made = runlevel.equals("rc1")
                    ? PlanMaker.forRun(ctx, recorded, steps, "rc1", null, false,
                            () -> new ArrayList<>(recorded.loadedModules().keySet()), run.workers(), false, job)
                    : PlanMaker.forRc3(ctx, recorded, steps, false, run.workers(), job);
            flow.store(new CacheEntry(recorded.seen(), made.rankSets(), steps.records(), made.plan()));
            groups.computeIfAbsent(made.plan().tasks(), k -> new ArrayList<>()).add(rank);
        }
        List<Object> report = new ArrayList<>();
        for (Map.Entry<List<PlanTask>, List<Integer>> g : groups.entrySet()) {
            String idset = idset(g.getValue());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ranks", idset);
                m.put("file", flow.file().toString());
                m.put("tasks", g.getKey().size());
                report.add(m);
            } else {
                ctx.out().println(runlevel + ": ranks " + idset + ": " + g.getKey().size() + " tasks, stored in " + flow.file());
            }
        }
        if (json) {
            ctx.out().println(PyJson.write(report));
        }
        return FluxModprobe.OK;
    }

    private static List<Integer> expand(String text) {
        RankSet set;
        try {
            set = RankSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--ranks: " + e.getMessage());
        }
        if (set.isAll() || text.startsWith(">") || text.startsWith("<")) {
            throw new ConfigException("--ranks: give an idset such as 0-15, not " + text);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : set.toString().split(",")) {
            String[] ab = part.split("-");
            int a = Integer.parseInt(ab[0]);
            int b = ab.length > 1 ? Integer.parseInt(ab[1]) : a;
            if ((long) b - a > 100_000) {
                throw new ConfigException("--ranks: too many ranks (" + text + ")");
            }
            for (int r = a; r <= b; r++) {
                out.add(r);
            }
        }
        return out;
    }

    private static String idset(List<Integer> ranks) {
        StringBuilder sb = new StringBuilder();
        for (int r : ranks) {
            sb.append(sb.length() > 0 ? "," : "").append(r);
        }
        return RankSet.parse(sb.toString()).toString();
    }
}
