package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.Decision;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.solver.PlanOptions;
import org.fluxmp.solver.Planner;
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
        description = {"Show the plan of a run without running it.",
            "Shows the plan of rc1, rc3 or an rc file: enabled tasks, skipped ones and why, selected "
                + "alternatives, and the schedule on W workers (estimated start, end and worker per task), with "
                + "the critical path and the predicted makespan against its lower bound.",
            "Setup `run` steps are run (their output goes to stderr); nothing is loaded or run."})
final class SolveCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Spec CommandSpec spec;
    @Mixin FactOptions factOptions;

    @Parameters(paramLabel = "rc1|rc3|FILE", arity = "0..1", defaultValue = "rc1",
            description = "The run to plan: rc1 (default), rc3, or an rc file as given to `run`.")
    String which;

    @Option(names = "--ranks", paramLabel = "IDSET",
            description = "Plan for the ranks of IDSET (e.g. 0-16383; `all`: every rank of the instance's size), "
                    + "once per class of ranks that decide alike, and group ranks that get the same plan.")
    String ranks;

    @Option(names = {"-j", "--jobs"}, paramLabel = "W", description = "Plan for W workers (default: number of cores + 4).")
    Integer jobs;

    @Option(names = "--durations", paramLabel = "FILE",
            description = "Estimated durations: a timing file as written by `rc1 --timing-file` (else defaults per task kind).")
    Path durations;

    @Option(names = "--time-limit", paramLabel = "MS", defaultValue = "" + Scheduler.DEFAULT_TIME_LIMIT_MS,
            description = "How long the solver may search for a better schedule (default: ${DEFAULT-VALUE} ms; 0: list "
                    + "scheduling only). With --ranks, the classes share it equally; a share under 20 ms is list-scheduled.")
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
            throw ToolException.usage("--time-limit: must not be negative");
        }
        PlanOptions options = new PlanOptions(RunOptions.workers(jobs),
                durations == null ? Map.of() : DurationsFile.read(durations), timeLimit);
        if (ranks == null) {
            PlanReport report = plan(ctx, factOptions.facts(ctx), options);
            String r = String.valueOf(report.rank());
            if (json) {
                ctx.out().println(JsonStyle.PYTHON.write(report.json(r)));
            } else {
                report.text(r, timeLimit).forEach(ctx.out()::println);
            }
            return FluxModprobe.OK;
        }
        IdRanges wanted = RankClasses.parse("--ranks", ranks, () -> factOptions.size(ctx));
        List<RankClasses.RankClass<PlanReport>> classes = RankClasses.split(wanted,
                rank -> read(ctx, factOptions.facts(ctx, rank), verbose && rank == wanted.first()).forClasses(),
                r -> r.reading().expressions(), (r, rank) -> {
                    Decision d = r.reading().decideAt(rank);
                    return new RankClasses.Decided<>(search -> report(d,
                            new PlanOptions(options.workers(), options.durations(), search)), d.rankSets(), false);
                }, timeLimit);
        GroupReport.print(ctx, RankClasses.merged(classes, PlanReport::key), json, "plan",
                g -> g.value().json(g.ranks().toString()), g -> g.value().text(g.ranks().toString(), timeLimit));
        return FluxModprobe.OK;
    }

    private PlanReport plan(Context ctx, Facts facts, PlanOptions options) {
        return report(read(ctx, facts, verbose).reading().decide(), options);
    }

    /** The run as FACTS' rank reads it; setup scripts print to stdout in a run, here to stderr, out of the way. */
    private RankReading read(Context ctx, Facts facts, boolean verbose) {
        return RankReading.of(root, factOptions, facts, RcSource.of(which), SelectionOptions.fromEnvironment(ctx), ctx.err(),
                verbose);
    }

    private static PlanReport report(Decision d, PlanOptions options) {
        return new PlanReport(d.name(), Planner.solve(d, options), d.skipped());
    }
}
