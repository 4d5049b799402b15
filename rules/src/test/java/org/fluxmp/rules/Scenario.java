package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.files.StrictModes;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * A fixture under {@code testdata/rules/NAME}: {@code etc/} is the built-in directory (the shipped
 * {@code etc/modprobe/} when the scenario has none), {@code d1/} the search-path directory if present,
 * other files rc files read alone. Facts start empty (rank 0, nothing set, empty local environment).
 */
final class Scenario {
    /** Surefire runs in the module directory, so the shared testdata/ is one level up. */
    static final Path TESTDATA = Path.of("..", "testdata");
    static final Path RULES_DATA = TESTDATA.resolve("rules");
    static final Path SHIPPED_BUILTIN = Path.of("..", "etc", "modprobe");

    private final Path root;
    private final Path builtin;
    private final List<String> dirs = new ArrayList<>();
    private final StaticFacts facts = new StaticFacts(Map.of());
    private final List<String> verbose = new ArrayList<>();

    private Scenario(Path root) {
        assertTrue(Files.isDirectory(RULES_DATA),
                "testdata/rules not found from " + Path.of("").toAbsolutePath() + ": tests must run in the rules module dir");
        this.root = root;
        Path etc = root.resolve("etc");
        this.builtin = Files.isDirectory(etc) ? etc : SHIPPED_BUILTIN;
        Path d1 = root.resolve("d1");
        if (Files.isDirectory(d1)) {
            dirs.add(d1.toString());
        }
    }

    static Scenario of(String name) {
        Path root = RULES_DATA.resolve(name);
        if (!Files.isDirectory(root)) {
            fail("no fixture " + root);
        }
        return new Scenario(root);
    }

    /** The shipped built-in config with no search-path directory. */
    static Scenario shipped() {
        return new Scenario(RULES_DATA); // has no etc/ and no d1/
    }

    /** Adds testdata/rules/RELATIVE as one more search-path directory. */
    Scenario searchDir(String relative) {
        Path d = RULES_DATA.resolve(relative);
        if (!Files.isDirectory(d)) {
            fail("no fixture dir " + d);
        }
        dirs.add(d.toString());
        return this;
    }

    Scenario rank(int r) { facts.rank(r); return this; }
    Scenario attr(String k, String v) { facts.attr(k, v); return this; }
    Scenario conf(String k, Object v) { facts.conf(k, v); return this; }
    Scenario env(String k, String v) { facts.env(k, v); return this; }
    Scenario brokerEnv(String k, String v) { facts.brokerEnv(k, v); return this; }

    StaticFacts facts() { return facts; }
    Path file(String relative) { return root.resolve(relative); }
    List<String> verboseLines() { return verbose; }

    SearchPath searchPath() {
        return new SearchPath(builtin, List.copyOf(dirs));
    }

    /** The module config: built-in modprobe.toml, modprobe.d drop-ins, broker config [modules]. */
    ModprobeRules open() {
        return ModprobeRules.open(searchPath(), facts, verbose::add, StrictModes.OFF,
                PythonBridge.of(Path.of("..").toAbsolutePath().normalize(), Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"))));
    }

    /** Module config plus the built-in rc1.toml and rc1.d drop-ins, setup applied; steps print nothing. */
    ModprobeRules rc1() {
        return open().readRunlevel("rc1", SetupStepRunner.NONE);
    }

    /** Module config plus the rc file RELATIVE alone (what {@code run FILE} reads). */
    ModprobeRules run(String relative) {
        return run(relative, SetupStepRunner.NONE);
    }

    ModprobeRules run(String relative, SetupStepRunner steps) {
        return open().readRcFile(file(relative), steps);
    }

    /** The problems' messages, for assertions that name several. */
    static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::message).collect(Collectors.toList());
    }

    /** The problems as {@code FILE:LINE: message}, file names only. */
    static List<String> located(List<Problem> problems) {
        return problems.stream()
                .map(p -> (p.file() == null ? "" : Path.of(p.file()).getFileName() + ":" + p.line() + ": ") + p.message())
                .collect(Collectors.toList());
    }
}
