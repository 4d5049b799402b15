package org.fluxmp.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.ModprobeRules;

/**
 * The solver tests' configurations: {@code testdata/solver/etc} (or the shipped {@code etc/modprobe})
 * as the built-in directory, no drop-in directory, facts starting empty (rank 0).
 */
final class Fixture {
    /** Surefire runs in the module directory, so the shared testdata/ is one level up. */
    static final Path DATA = Path.of("..", "testdata", "solver");
    static final Path SHIPPED = Path.of("..", "etc", "modprobe");

    private final Path builtin;
    final StaticFacts facts = new StaticFacts(Map.of());

    private Fixture(Path builtin) {
        assertTrue(Files.isDirectory(builtin), "no " + builtin.toAbsolutePath() + ": tests must run in the solver module dir");
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

    ModprobeRules open() {
        return ModprobeRules.open(new SearchPath(builtin, List.of()), facts, s -> { });
    }

    /** The module configuration plus testdata/solver/FILE, read as `run FILE` reads it. */
    ModprobeRules run(String file) {
        return open().readRcFile(DATA.resolve(file), SetupStepRunner.NONE);
    }
}
