package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.solver.PlanOptions;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.SkippedUnits;
import org.fluxmp.solver.SolvedPlan;
import org.fluxmp.solver.schedule.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code solve}: a rank's plan without running it — what runs, what is skipped and why, the schedule (SPEC 6). */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Show the plan of rc1, rc3 or an rc file without running it: enabled tasks, skipped ones and "
                + "why, selected alternatives, and the schedule on W workers (estimated start, end and worker per task), "
                + "with the critical path and the predicted makespan against its lower bound.",
            "Setup `run` steps are run (their output goes to stderr); nothing is loaded or run."})
final class SolveCommand implements Callable<Integer> {
    /** More ranks than this in --ranks is almost surely a typo, and would take minutes. */
    static final int MAX_RANKS = 4096;

    @ParentCommand FluxModprobe root;
    @Spec CommandSpec spec;
    @Mixin FactOptions factOptions;

    @Parameters(paramLabel = "rc1|rc3|FILE", arity = "0..1", defaultValue = "rc1",
            description = "The run to plan: rc1 (default), rc3, or an rc file as given to `run`.")
    String which;

    @Option(names = "--ranks", paramLabel = "IDSET",
            description = "Plan each rank of IDSET (e.g. 0-15; `all`: every rank of the broker's size) "
                    + "and group ranks that get the same plan.")
    String ranks;

    @Option(names = {"-j", "--jobs"}, paramLabel = "W", description = "Plan for W workers (default: number of cores + 4).")
    Integer jobs;

    @Option(names = "--durations", paramLabel = "FILE",
            description = "Estimated durations: a timing file as written by `rc1 --timing-file` (else defaults per task kind).")
    Path durations;

    @Option(names = "--time-limit", paramLabel = "MS", defaultValue = "" + Scheduler.DEFAULT_TIME_LIMIT_MS,
            description = "How long the solver may search for a better schedule (default: ${DEFAULT-VALUE} ms; 0: list scheduling only).")
    long timeLimit;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print each place looked at for configuration (on stderr).")
    boolean verbose;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        if (ranks != null && factOptions.rank != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rank and --ranks cannot be used together");
        }
        if (timeLimit < 0) {
            throw new ConfigException("--time-limit: must not be negative");
        }
        PlanOptions options = new PlanOptions(RunOptions.workers(jobs),
                durations == null ? Map.of() : DurationsFile.read(durations), timeLimit);
        if (ranks == null) {
            PlanReport report = plan(ctx, factOptions.facts(ctx), options);
            String r = String.valueOf(report.rank());
            if (json) {
                ctx.out().println(PyJson.write(report.json(r)));
            } else {
                report.text(r, timeLimit).forEach(ctx.out()::println);
            }
            return FluxModprobe.OK;
        }
        Map<String, List<PlanReport>> groups = new LinkedHashMap<>();
        for (int r : rankList(ctx)) {
            factOptions.rank = r;
            Facts facts = factOptions.facts(ctx);
            PlanReport report = plan(ctx, facts, options);
            groups.computeIfAbsent(report.identity(), k -> new ArrayList<>()).add(report);
        }
        List<Object> out = new ArrayList<>();
        boolean first = true;
        for (List<PlanReport> group : groups.values()) {
            StringBuilder ids = new StringBuilder();
            for (PlanReport p : group) {
                ids.append(ids.length() == 0 ? "" : ",").append(p.rank());
            }
            String idset = RankSet.parse(ids.toString()).toString();
            if (json) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("ranks", idset);
                g.put("plan", group.get(0).json(idset));
                out.add(g);
            } else {
                if (!first) {
                    ctx.out().println();
                }
                group.get(0).text(idset, timeLimit).forEach(ctx.out()::println);
            }
            first = false;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("groups", out);
            ctx.out().println(PyJson.write(m));
        }
        return FluxModprobe.OK;
    }

    private PlanReport plan(Context ctx, Facts facts, PlanOptions options) {
        // setup scripts print to stdout in a run; here their output would get in the way
        RunReader.Run run = RunReader.read(ctx, factOptions, facts, which, ctx.err(), verbose);
        SolvedPlan solved = Planner.solve(run.rules(), run.decisions(), run.units(), options);
        return new PlanReport(run.name(), solved, SkippedUnits.of(run.decisions(), run.units(), run.name()));
    }

    /** The ranks of --ranks: an RFC 22 idset, or {@code all} for 0 to the broker's size - 1. */
    private List<Integer> rankList(Context ctx) {
        String canonical;
        if (ranks.equals("all")) {
            int size = factOptions.simFile(ctx).size();
            canonical = size == 1 ? "0" : "0-" + (size - 1);
        } else {
            RankSet set;
            try {
                set = RankSet.parse(ranks);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--ranks: " + e.getMessage());
            }
            if (ranks.startsWith(">") || ranks.startsWith("<")) {
                throw new ConfigException("--ranks: expected an idset such as 0-15 or all, not " + ranks);
            }
            canonical = set.toString();
        }
        List<Integer> out = new ArrayList<>();
        for (String range : canonical.split(",")) {
            int dash = range.indexOf('-');
            long lo = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
            long hi = Long.parseLong(dash < 0 ? range : range.substring(dash + 1));
            if (out.size() + hi - lo + 1 > MAX_RANKS) {
                throw new ConfigException("--ranks: " + ranks + " has more than " + MAX_RANKS + " ranks");
            }
            for (long r = lo; r <= hi; r++) {
                out.add((int) r);
            }
        }
        return out;
    }
}
