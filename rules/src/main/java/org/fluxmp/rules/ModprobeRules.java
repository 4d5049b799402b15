package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.ConfigFiles;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.files.StrictModes;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.facts.Seed;

/**
 * The rules session: reads the module config and rc files from the search path,
 * applies setup, set-alternative and disable requests, and asks the rules what is enabled and who
 * provides each service. Package-private: outside the rules module, a {@link RunRequest} goes in
 * and a {@link Decision} comes out ({@link Reading} drives this session).
 *
 * <p>Typical use: {@code open} (module config), then {@code readRunlevel("rc1")} or
 * {@code readRcFile(path)}, then {@code disable(...)}, then {@code decide()}. Problems are collected;
 * {@link #check()} throws them all as one {@link ConfigException}.
 */
final class ModprobeRules {
    private final SearchPath path;
    private final Facts facts;
    private final FactLedger ledger;
    private final ConfigFiles files;
    private final UnitTable table = new UnitTable();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Path> filesRead = new ArrayList<>();
    private final List<Seed> seeds = new ArrayList<>();
    private final ModuleArgs moduleArgs = new ModuleArgs();
    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, String> setenv = new LinkedHashMap<>();
    private List<String> removals;
    private final List<String[]> pendingDisables = new ArrayList<>();
    private final List<String> removing = new ArrayList<>();

    /** Reads Python drop-ins; null: none can be read (a problem names each). */
    private PythonBridge bridge;

    private ModprobeRules(SearchPath path, Facts facts, Consumer<String> verbose, StrictModes strict) {
        this.path = path;
        this.facts = facts;
        this.ledger = new FactLedger(facts);
        this.files = new ConfigFiles(path, verbose, strict);
    }

    /** Reads the built-in modprobe.toml, every modprobe.d/*.toml, then the broker config [modules]. */
    public static ModprobeRules open(SearchPath path, Facts facts, Consumer<String> verbose) {
        return open(path, facts, verbose, StrictModes.OFF, null);
    }

    /**
     * As {@link #open(SearchPath, Facts, Consumer)}: STRICT refuses the files it does not trust, BRIDGE
     * reads the Python drop-ins of the rc files read later (SPEC 10; null: none can be read).
     */
    public static ModprobeRules open(SearchPath path, Facts facts, Consumer<String> verbose, StrictModes strict,
            PythonBridge bridge) {
        ModprobeRules r = new ModprobeRules(path, facts, verbose, strict);
        r.bridge = bridge;
        ModuleConfigReader reader = new ModuleConfigReader(r.table, r.problems);
        for (Path f : r.files.moduleConfig(r.problems)) {
            r.filesRead.add(f);
            reader.read(f);
        }
        reader.applyAlternatives();
        Map<String, Object> modules = facts.configTable("modules");
        if (!modules.isEmpty()) {
            reader.applyBrokerModules(modules);
        }
        return r;
    }

    /** Reads the built-in rcN.toml and every rcN.d/*.toml, applying each file's setup as it goes. */
    public ModprobeRules readRunlevel(String runlevel, SetupStepRunner steps) {
        for (Path f : files.runlevel(runlevel, problems)) {
            readRcFile(f, steps);
        }
        return this;
    }

    /** Reads the task files SOURCE names (rc1, rc3, run NAME or run FILE), applying each file's setup as it goes. */
    public ModprobeRules readSource(RcSource source, SetupStepRunner steps) {
        for (Path f : files.of(source, problems)) {
            readRcFile(f, steps);
        }
        return this;
    }

    /** Reads one rc file and applies its setup (what {@code run FILE} does). */
    public ModprobeRules readRcFile(Path file, SetupStepRunner steps) {
        int before = problems.size();
        filesRead.add(file);
        RcFile rc = !file.toString().endsWith(".py") ? new RcFileReader(table, problems).read(file)
                : bridge != null ? PythonDropIn.read(file, bridge, table, problems)
                : noBridge(file);
        for (String task : rc.tasks()) {
            seeds.add(new Seed(task, "task in " + rc.path(), false));
        }
        if (problems.size() == before) {
            // a setup acting on a broken file would only add confusing follow-on errors
            new SetupApplier(this, steps).apply(rc);
        }
        return this;
    }

    private RcFile noBridge(Path file) {
        problems.add(new Problem(file.toString(), 0, "Python drop-ins are read only by the flux-modprobe command"));
        return new RcFile(file.toString(), List.of(), List.of());
    }

    /** {@code -S SERVICE=MODULE} / {@code --set-alternative}. */
    public void setAlternative(String service, String module, String why) {
        try {
            table.setAlternative(service, module, why);
        } catch (ToolException e) {
            problems.addAll(e.problems());
        }
    }

    /** A disable request (FLUX_MODPROBE_DISABLE, --disable, setup disable); applied by {@link #decide()}. */
    public void disable(String name, String why) {
        pendingDisables.add(new String[] {name, why});
    }

    /**
     * Marks loaded modules for removal (rc3, remove, setup {@code remove}): each becomes the selected
     * alternative of its services, its before/after swap and its requires/needs are dropped, and it is
     * removed whatever its ranks or conditions say, because it is loaded (SPEC 4.8).
     */
    public void removeModules(java.util.Collection<String> modules, String via) {
        for (String m : modules) {
            Unit u = table.unit(m).orElse(null);
            if (u == null || !u.isModule() || removing.contains(m)) {
                continue;
            }
            removing.add(m);
            for (String service : u.getProvides()) {
                table.setAlternative(service, m, "loaded module " + m + " is removed");
            }
            table.markForRemoval(u);
            u.forceEnable(Place.of(via));
            seeds.add(new Seed(m, via, false));
        }
    }

    /** Modules marked for removal, in the order marked. */
    public List<String> removing() {
        return removing;
    }

    /** Throws every problem found so far, if any. */
    public ModprobeRules check() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return this;
    }

    /** Applies pending disable requests, then runs the rules. */
    public Decisions decide() {
        return decideAt(facts.rank());
    }

    /**
     * The decision for rank RANK from what was read for this one: what a rank of another class
     * would get, when reading did not depend on the rank (issue 11). Safe to call from several
     * threads once a first call has applied the pending disable requests.
     */
    public Decisions decideAt(int rank) {
        synchronized (pendingDisables) {
            for (String[] d : pendingDisables) {
                try {
                    table.disable(d[0], d[1]);
                } catch (ToolException e) {
                    problems.addAll(e.problems());
                }
            }
            pendingDisables.clear();
            check();
        }
        return Decider.decide(table, ledger, rank, seeds);
    }

    public UnitTable table() { return table; }
    public List<Problem> problems() { return problems; }
    public List<Path> filesRead() { return filesRead; }
    public ModuleArgs moduleArgs() { return moduleArgs; }
    public Facts facts() { return facts; }
    public FactLedger ledger() { return ledger; }
    /** Shared data set by setup ({@code set K=V}); tasks see it as FLUX_MODPROBE_DATA_K. */
    public Map<String, String> data() { return data; }
    /** Environment set by setup ({@code setenv}). */
    public Map<String, String> setenv() { return setenv; }
    /** Setup {@code remove}: null when none was asked; {@code ["all"]} for all. */
    public Optional<List<String>> removals() { return Optional.ofNullable(removals); }

    // ---- used by SetupApplier ----
    void addProblem(Problem p) { problems.add(p); }
    void addSeed(String service, String via, boolean fromLoad) { seeds.add(new Seed(service, via, fromLoad)); }
    void addRemovals(List<String> names) {
        if (removals == null) {
            removals = new ArrayList<>();
        }
        for (String n : names) {
            if (!removals.contains(n)) {
                removals.add(n);
            }
        }
    }
}
