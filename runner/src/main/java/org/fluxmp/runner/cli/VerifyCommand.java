package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.json.PyJson;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.rules.StaticChecks;
import org.fluxmp.rules.Unit;
import org.fluxmp.rules.UnitTable;
import org.fluxmp.solver.OrderingGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verify}: every problem in every file at once, each as FILE:LINE: message. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every config and rc file for problems.",
            "Reports every problem at once, each as FILE:LINE: message: bad TOML, unknown keys, wrong types, "
                + "bad idsets, unknown names in requires/after/before/needs/alternatives/setup, ordering cycles, "
                + "`*` misuse, duplicate task names. Setup `run` scripts are not run. Exit status 1 when there "
                + "is any problem."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin FactOptions factOptions;

    @Option(names = "--json", description = "Print {\"files\": [...], \"problems\": [{\"file\", \"line\", \"message\"}]}.")
    boolean json;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        Facts facts = factOptions.facts(ctx);
        Set<Problem> problems = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (String runlevel : List.of("rc1", "rc3")) {
            ModprobeRules rules = RulesOpener.open(ctx, facts, false);
            try {
                rules.readRunlevel(runlevel, SetupStepRunner.NONE);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            rules.filesRead().forEach(p -> files.add(p.toString()));
            problems.addAll(rules.problems());
            List<Problem> checks = new ArrayList<>();
            StaticChecks.check(rules.table(), checks);
            problems.addAll(checks);
            cycles(rules.table(), runlevel.equals("rc3"), problems);
        }
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", p.file());
                m.put("line", p.line());
                m.put("message", p.message());
                list.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("files", new ArrayList<>(files));
            doc.put("problems", list);
            ctx.out().println(PyJson.write(doc));
        } else {
            for (Problem p : problems) {
                ctx.out().println(p);
            }
            ctx.err().println("verify: " + files.size() + " files, " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s"));
        }
        return problems.isEmpty() ? FluxModprobe.OK : ErrorKind.CONFIG.status();
    }

    /** Ordering cycles among all units of a runlevel; rc3 swaps module before/after as removal does. */
    private static void cycles(UnitTable table, boolean removal, Set<Problem> problems) {
        try {
            OrderingGraph g = OrderingGraph.build(table.units(),
                    // unknown names are reported by StaticChecks; here they just add no edge
                    n -> Optional.of(table.staticProvider(n).map(Unit::getName).orElse(n)),
                    u -> removal && u.isModule() ? u.getBefore() : u.getAfter(),
                    u -> removal && u.isModule() ? u.getAfter() : u.getBefore());
            Optional<List<String>> c = g.cycle();
            if (c.isPresent()) {
                Place p = table.unit(c.get().get(0)).map(Unit::getDefinedAt).orElse(Place.NOWHERE);
                problems.add(new Problem(p.file(), p.line(), (removal ? "rc3: " : "") + "nodes are in a cycle: "
                        + String.join(" -> ", c.get())));
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
    }
}
