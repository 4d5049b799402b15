package org.fluxmp.boot.setup;

import java.util.List;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Place;

/**
 * Runs a setup {@code run} script (the runner supplies one that uses bash) and returns the directive
 * lines it printed. Failure is a ConfigException naming the step.
 */
@FunctionalInterface
public interface SetupStepRunner {
    List<String> run(String script, Place place);

    /** For commands that must not run anything (verify, show): setup scripts are not run. */
    SetupStepRunner NONE = (script, place) -> List.of();
}
