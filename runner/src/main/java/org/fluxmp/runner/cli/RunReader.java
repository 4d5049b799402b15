package org.fluxmp.runner.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.cache.RecordingSetupSteps;
import org.fluxmp.boot.task.BashSetupSteps;
import org.fluxmp.rules.Decisions;
import org.fluxmp.rules.ModprobeRules;
import org.fluxmp.solver.Planner;

/**
 * Reads a run's files the way {@code rc1}, {@code rc3} and {@code run FILE} do: the module
 * configuration, then the rc files with their setup (setup {@code run} steps write to SETUP_OUT),
 * setup removals, disable requests; then asks the rules, and names the run's units.
 */
final class RunReader {
    /** A decided run: its rules, decisions and units, and the environment its scripts get beyond the tool's. */
    record Run(String name, ModprobeRules rules, Decisions decisions, Collection<String> units,
            Map<String, String> extraEnv, SimBrokerFile sim) {}

    /** A run's files read, not yet decided: what any rank decides from when no setup step ran. */
    record RunFiles(String name, ModprobeRules rules, Map<String, String> extraEnv, SimBrokerFile sim, boolean setupRan) {
        /** The run as RANK decides it. */
        Run at(int rank) {
            Decisions d = rules.decideAt(rank);
            return new Run(name, rules, d, name.equals("rc3") ? Planner.rc3Units(d) : Planner.runUnits(d), extraEnv, sim);
        }
    }

    private RunReader() {}

    /** WHICH is rc1, rc3 or an rc file; FACTS are the broker's with every override applied. */
    static Run read(Context ctx, FactOptions options, Facts facts, String which, PrintStream setupOut,
            boolean verbose) {
        return files(ctx, options, facts, which, setupOut, verbose).at(facts.rank());
    }

    /** The reading half of {@link #read}. */
    static RunFiles files(Context ctx, FactOptions options, Facts facts, String which, PrintStream setupOut,
            boolean verbose) {
        RcSource source = RcSource.of(which);
        boolean rc3 = source.isRc3();
        RunCommand.requireFile(source);
        BrokerChoice brokers = options.brokers(ctx);
        SimBrokerFile sim = brokers.simFile();
        Map<String, String> extraEnv = new LinkedHashMap<>(options.taskEnv(ctx, facts));
        if (source.rcStage()) {
            extraEnv.put("FLUX_RC_USE_MODPROBE", "t");
        }
        ModprobeRules rules = RulesOpener.open(ctx, facts, verbose).check();
        if (rc3) {
            List<String> loaded = new ArrayList<>();
            for (String m : brokers.loadedModules()) {
                if (rules.table().unit(m).isPresent()) {
                    loaded.add(m);
                }
            }
            // rc3 always removes every loaded module it knows, before rc3's own setup
            rules.removeModules(loaded, "loaded module (rc3 removes every loaded module)");
        }
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        env.putAll(extraEnv);
        RecordingSetupSteps steps = new RecordingSetupSteps(new BashSetupSteps(env, facts.rank(), setupOut),
                new java.util.ArrayDeque<>());
        rules.readSource(source, steps).check();
        if (!rc3) {
            rules.removals().ifPresent(r -> rules.removeModules(
                    r.contains("all") ? brokers.loadedModules() : r, "setup remove"));
        }
        DisableRequests.apply(rules, ctx, List.of());
        return new RunFiles(source.rcStage() ? which : "run " + which, rules, extraEnv, sim, !steps.records().isEmpty());
    }
}
