package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.boot.task.BashSetupSteps;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.Explainer;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.solver.RequiresClosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code explain NAME}: why a task or module is enabled, skipped or replaced; who provides a service. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why NAME (task, module or service) is enabled, skipped or replaced.",
            "Shows the rule that decided, the facts it used, and the chain of needs behind a skip.",
            "For a service: every candidate with its priority and viability."})
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin SelectionOptions selection;
    @Mixin FactOptions factOptions;

    @Option(names = "--rc", paramLabel = "rc1|FILE", defaultValue = "rc1",
            description = "The run to explain in: rc1 (default) or an rc file as given to `run`.")
    String rc;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Parameters(paramLabel = "NAME", description = "Task, module or service to explain")
    String name;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        Facts facts = factOptions.facts(ctx);
        ModprobeRules rules = RulesOpener.open(ctx, facts, false).check();
        // setup scripts print to stdout in a run; here their output would get in the way
        BashSetupSteps steps = new BashSetupSteps(ctx.env(), facts.rank(), ctx.err());
        String context = rc;
        if (rc.equals("rc1")) {
            rules.readRunlevel("rc1", steps);
        } else {
            rules.readRcFile(Path.of(rc), steps);
            context = "run " + rc;
        }
        rules.check();
        selection.apply(rules, ctx);
        Decisions d = rules.decide();
        Map<String, String> inRun = RequiresClosure.of(d, d.runnable());
        Explainer explainer = new Explainer(d, context, inRun);
        Map<String, Object> data = explainer.explain(name);
        if (json) {
            ctx.out().println(PyJson.write(data));
        } else {
            for (Explainer.Line l : explainer.render(data)) {
                ctx.out().println(l.text().isEmpty() ? "" : "  ".repeat(l.depth()) + l.text());
            }
        }
        return FluxModprobe.OK;
    }
}
