package org.fluxmp.runner.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.List;
import org.fluxmp.boot.cache.RecordingFacts;
import org.fluxmp.boot.cache.RecordingSetupSteps;
import org.fluxmp.boot.cache.SetupRecord;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.Reading;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Selection;
import org.fluxmp.rules.Subject;

/**
 * A run of task files read as one rank, for the commands that decide for many ranks (solve,
 * graph, explain, compile): the rules' reading, the facts it asked (recorded), the setup steps it
 * ran, and the run's environment.
 */
record RankReading(Reading reading, RecordingFacts facts, List<SetupRecord> setup, RunEnvironment env) {

    /** What SOURCE names, read as FACTS' rank with SELECTION; setup steps print to SETUP_OUT. */
    static RankReading of(FluxModprobe root, FactOptions options, Facts facts, RcSource source, Selection selection,
            PrintStream setupOut, boolean verbose) {
        RunCommand.requireFile(source);
        Subject subject = new Subject.Tasks(source);
        RunEnvironment env = RunEnvironment.of(root.ctx, options, facts, subject);
        RecordingFacts recorded = new RecordingFacts(facts);
        RecordingSetupSteps steps = new RecordingSetupSteps(env.setupSteps(setupOut), new ArrayDeque<>());
        Reading reading = new RunRequest(subject, recorded, selection, steps, root.config(verbose)).read();
        return new RankReading(reading, recorded, steps.records(), env);
    }

    /** This reading as {@link RankClasses} splits ranks by it. */
    RankClasses.Reading<RankReading> forClasses() {
        return new RankClasses.Reading<>(this, facts, !setup.isEmpty());
    }
}
