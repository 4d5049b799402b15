package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.Explainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code explain NAME}: why a task or module is enabled, skipped or replaced; who provides a service. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why a task, module or service is used or not.",
            "Tells why NAME (task, module or service) is enabled, skipped or replaced: the rule that decided, "
                + "the facts it used, and the chain of needs behind a skip. For a service, every candidate "
                + "with its priority and viability."})
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

    @Option(names = "--ranks", paramLabel = "IDSET",
            description = "Explain for the ranks of IDSET (e.g. 0-16383, or all), once per class of ranks that "
                    + "decide alike, grouping ranks whose explanations agree.")
    String ranks;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        if (ranks == null) {
            Explanation e = explain(ctx, factOptions.facts(ctx));
            if (json) {
                ctx.out().println(JsonStyle.PYTHON.write(e.data()));
            } else {
                e.lines().forEach(ctx.out()::println);
            }
            return FluxModprobe.OK;
        }
        if (factOptions.rank != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rank and --ranks cannot be used together");
        }
        IdRanges wanted = RankClasses.parse("--ranks", ranks, () -> factOptions.size(ctx));
        List<RankClasses.RankClass<Explanation>> classes = RankClasses.split(wanted,
                rank -> read(ctx, factOptions.facts(ctx, rank)).forClasses(), r -> r.reading().expressions(), (r, rank) -> {
                    Explanation e = Explanation.of(r.reading().decideAt(rank), name);
                    return new RankClasses.Decided<>(search -> e, e.rankSets(), false);
                }, 0);
        GroupReport.print(ctx, RankClasses.merged(classes, Explanation::identity), json, "explain",
                g -> g.value().data(), g -> g.value().lines(g.ranks()));
        return FluxModprobe.OK;
    }

    /** One rank's explanation: the data of SPEC 6, and the rank expressions its decision read. */
    private record Explanation(int rank, Map<String, Object> data, List<String> text, Map<RankSet, Boolean> rankSets) {
        List<String> lines() {
            return text;
        }

        /** The text for the ranks of CLS, which all explain alike: where it names its rank, it names them. */
        List<String> lines(IdRanges cls) {
            List<String> out = new ArrayList<>();
            String ids = cls.toString();
            // an idset is digits, commas and dashes: nothing a replacement would read as special
            String replacement = (cls.count() == 1 ? "rank" : "ranks") + "$1 " + ids;
            for (String l : text) {
                out.add(rankMention(rank).matcher(l).replaceAll(replacement));
            }
            return out;
        }

        /** The explanation without its rank: equal for ranks that explain alike. */
        String identity() {
            Map<String, Object> d = new LinkedHashMap<>(data);
            d.remove("rank");
            return rankMention(rank).matcher(JsonStyle.PYTHON.write(d)).replaceAll("rank$1 *");
        }

        /** NAME explained in decision D. */
        static Explanation of(Decision d, String name) {
            Explainer explainer = d.explainer();
            Map<String, Object> data = explainer.explain(name);
            List<String> text = new ArrayList<>();
            for (Explainer.Line l : explainer.render(data)) {
                text.add(l.text().isEmpty() ? "" : "  ".repeat(l.depth()) + l.text());
            }
            return new Explanation(d.rank(), data, text, d.rankSets());
        }

        /** "rank N" in text, "rank = N" in the facts line, "rank": N in JSON. */
        private static Pattern rankMention(int rank) {
            return Pattern.compile("\\brank( =|\":)? " + rank + "\\b");
        }
    }

    private Explanation explain(Context ctx, Facts facts) {
        return Explanation.of(read(ctx, facts).reading().decide(), name);
    }

    /** The run as FACTS' rank reads it, with the selection applied; setup scripts print to stderr, out of the way. */
    private RankReading read(Context ctx, Facts facts) {
        return RankReading.of(root, factOptions, facts, RcSource.of(rc), selection.selection(ctx), ctx.err(), false);
    }
}
