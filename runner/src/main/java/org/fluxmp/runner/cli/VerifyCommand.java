package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.ErrorKind;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.rules.RunlevelCheck;
import org.fluxmp.solver.CycleCheck;
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
            RunlevelCheck check = RunlevelCheck.of(root.config(false), facts, runlevel);
            check.files().forEach(p -> files.add(p.toString()));
            problems.addAll(check.problems());
            problems.addAll(CycleCheck.of(check.table(), runlevel.equals("rc3")));
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
            ctx.out().println(JsonStyle.PYTHON.write(doc));
        } else {
            for (Problem p : problems) {
                ctx.out().println(p);
            }
            ctx.err().println("verify: " + files.size() + " files, " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s"));
        }
        return problems.isEmpty() ? FluxModprobe.OK : ErrorKind.CONFIG.status();
    }
}
