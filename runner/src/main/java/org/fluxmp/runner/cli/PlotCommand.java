package org.fluxmp.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.Reading;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Selection;
import org.fluxmp.rules.Subject;
import org.fluxmp.runner.plot.Bar;
import org.fluxmp.runner.plot.CriticalPath;
import org.fluxmp.runner.plot.GanttSvg;
import org.fluxmp.runner.plot.TimingList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code plot TIMING.json -o OUT.svg}: a Gantt chart of a run from its timing list. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw a Gantt chart (SVG) of a run from its timing list.",
            "The timing list is the output of rc1 --timing-file FILE, or the KVS key modprobe.stats. The chart has "
                + "a row per task, module loads and other tasks in their own colours (modules are those of the "
                + "module configuration on the search path), and the critical path outlined in red."})
final class PlotCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;

    @Parameters(paramLabel = "TIMING.json", description = "The timing list: [{name, starttime, duration}, ...] in seconds.")
    Path timing;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.svg", description = "Write the chart to OUT.svg (default: stdout).")
    Path output;

    @Option(names = "--deps", paramLabel = "DEPS.json",
            description = "The plan's precedence (the output of rc1 --show-deps) for the critical path; "
                    + "without it, each task is chained to the one that ended last before it started.")
    Path deps;

    @Option(names = "--title", paramLabel = "TEXT", description = "The chart's title (default: the timing file's name).")
    String title;

    @Option(names = "--planner", description = "Also show the planner's phases (configure, solve, ...) and the time "
            + "before the first task; by default the time axis starts when the first task starts.")
    boolean planner;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        // only which names are modules: the configuration is read, not decided
        Reading config = new RunRequest(new Subject.Config(), new StaticFacts(ctx.env()), Selection.NONE,
                SetupStepRunner.NONE, root.config(false)).read();
        List<Bar> bars = TimingList.read(timing, config::isModule);
        String note = null;
        if (!planner) {
            double first = bars.stream().filter(b -> b.kind() != Bar.Kind.PLANNER).mapToDouble(Bar::start).min().orElse(0);
            note = String.format(java.util.Locale.ROOT, "time from the first task's start; the tool started %.0f ms earlier (--planner shows its phases)",
                    first * 1000);
            bars = TimingList.fromFirstTask(bars);
        }
        Map<String, List<String>> precedence = deps == null ? null : TimingList.readDeps(deps);
        List<String> critical = CriticalPath.of(bars, precedence);
        String svg = GanttSvg.render(title != null ? title : "flux-modprobe: " + timing.getFileName(), note, bars,
                critical);
        if (output == null) {
            ctx.out().print(svg);
            return FluxModprobe.OK;
        }
        try {
            Files.writeString(output, svg);
        } catch (IOException e) {
            throw ToolException.usage(output + ": cannot write: " + e.getMessage());
        }
        ctx.err().println("flux-modprobe: wrote " + output + ": " + bars.size() + " rows; critical path: "
                + String.join(" -> ", critical));
        return FluxModprobe.OK;
    }
}
