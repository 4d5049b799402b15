package org.fluxmp.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * What {@code verify} finds in a runlevel's files (the module configuration, then rcN's files),
 * setup {@code run} steps not run: every problem of reading them and of the static checks, the
 * files read, and the units, for the ordering checks that follow.
 */
public record RunlevelCheck(List<Path> files, List<Problem> problems, UnitTable table) {
    /** Reads RUNLEVEL from CONFIG as FACTS see it, collecting problems instead of stopping at the first file. */
    public static RunlevelCheck of(ConfigSource config, Facts facts, String runlevel) {
        ModprobeRules rules = config.open(facts);
        List<Problem> problems = new ArrayList<>();
        try {
            rules.readRunlevel(runlevel, SetupStepRunner.NONE);
        } catch (ToolException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(rules.problems());
        StaticChecks.check(rules.table(), problems);
        return new RunlevelCheck(List.copyOf(rules.filesRead()), problems, rules.table());
    }
}
