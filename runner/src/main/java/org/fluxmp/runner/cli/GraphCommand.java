package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.Unit;
import org.fluxmp.solver.OrderingGraph;
import org.fluxmp.solver.Planner;
import org.fluxmp.solver.schedule.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code graph}: the ordering graph in DOT, critical path highlighted (SPEC 6). */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Print the ordering graph of a run in Graphviz DOT.",
            "Prints the graph of rc1, rc3 or an rc file: an edge from each task to the tasks that wait for it, "
                + "the critical path in red (a cycle, if there is one, instead).",
            "For example, `flux-modprobe graph rc1 | dot -Tsvg >rc1.svg` draws it."})
final class GraphCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin FactOptions factOptions;

    @Parameters(paramLabel = "rc1|rc3|FILE", arity = "0..1", defaultValue = "rc1",
            description = "The run to draw: rc1 (default), rc3, or an rc file as given to `run`.")
    String which;

    @Option(names = "--durations", paramLabel = "FILE",
            description = "Estimated durations: a timing file as written by `rc1 --timing-file` (else defaults per task kind).")
    Path durations;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        Decision d = RankReading.of(root, factOptions, factOptions.facts(ctx), RcSource.of(which),
                SelectionOptions.fromEnvironment(ctx), ctx.err(), false).reading().decide();
        OrderingGraph graph = Planner.graph(d);
        Map<String, Set<String>> preds = graph.predecessors();
        Map<String, Long> estimates = durations == null ? Map.of() : DurationsFile.read(durations);
        Optional<List<String>> cycle = graph.cycle();
        List<String> marked;
        String title;
        if (cycle.isPresent()) {
            marked = cycle.get();
            title = d.name() + ", rank " + d.rank() + ": nodes are in a cycle: " + String.join(" -> ", marked);
        } else {
            TaskGraph tasks = Planner.taskGraph(d, preds, estimates);
            marked = tasks.criticalPath();
            title = d.name() + ", rank " + d.rank() + ": critical path " + tasks.criticalPathLength() + " ms";
        }
        Set<String> removing = Set.copyOf(d.removing());
        ctx.out().print(DotGraph.render(d.name(), preds, t -> {
            Unit u = d.unit(t).orElseThrow();
            String action = u.isModule() ? removing.contains(t) ? "remove " : "load " : "run ";
            return action + t + "\n" + estimates.getOrDefault(t, Planner.defaultDuration(u)) + " ms";
        }, marked, title));
        return FluxModprobe.OK;
    }
}
