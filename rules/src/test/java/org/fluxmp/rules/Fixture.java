package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * Configurations shared with the solver's tests: {@code testdata/solver/etc} (or the shipped
 * {@code etc/modprobe}) as the built-in directory, no drop-in directory, facts starting empty
 * (rank 0), setup {@code run} steps not run.
 */
final class Fixture {
    /** Surefire runs in the module directory, so the shared testdata/ is one level up. */
    static final Path DATA = Path.of("..", "testdata", "solver");
    static final Path SHIPPED = Path.of("..", "etc", "modprobe");

    private final Path builtin;
    final StaticFacts facts = new StaticFacts(Map.of());

    private Fixture(Path builtin) {
        assertTrue(Files.isDirectory(builtin), "no " + builtin.toAbsolutePath() + ": tests must run in the module dir");
        this.builtin = builtin;
    }

    /** testdata/solver/etc/modprobe.toml. */
    static Fixture solver() {
        return new Fixture(DATA.resolve("etc"));
    }

    /** The shipped built-in configuration, etc/modprobe/. */
    static Fixture shipped() {
        return new Fixture(SHIPPED);
    }

    ConfigSource config() {
        return ConfigSource.of(new SearchPath(builtin, List.of()));
    }

    /** The rules session over the module configuration. */
    ModprobeRules open() {
        return config().open(facts);
    }

    /** SUBJECT decided with SELECTION. */
    Decision decide(Subject subject, Selection selection) {
        return new RunRequest(subject, facts, selection, SetupStepRunner.NONE, config()).decide();
    }

    /** testdata/solver/FILE as {@code run FILE} decides it. */
    Decision run(String file) {
        return decide(new Subject.Tasks(RcSource.run(DATA.resolve(file).toString())), Selection.NONE);
    }

    /** A runlevel (rc1, rc3) as it decides it. */
    Decision runlevel(String name, Selection selection) {
        return decide(new Subject.Tasks(RcSource.runlevel(name)), selection);
    }
}
