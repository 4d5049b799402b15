package org.fluxmp.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.ConfigSource;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Selection;
import org.fluxmp.rules.Subject;

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

    /** SUBJECT as the rules decide it, setup {@code run} steps not run. */
    Decision decide(Subject subject) {
        return new RunRequest(subject, facts, Selection.NONE, SetupStepRunner.NONE,
                ConfigSource.of(new SearchPath(builtin, List.of()))).decide();
    }

    /** The module configuration plus testdata/solver/FILE, decided as `run FILE` decides it. */
    Decision run(String file) {
        return decide(new Subject.Tasks(RcSource.run(DATA.resolve(file).toString())));
    }
}
