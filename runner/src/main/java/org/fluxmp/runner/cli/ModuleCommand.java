package org.fluxmp.runner.cli;

import org.fluxmp.rules.Subject;

/** What load and remove share: the modules they name become a {@link Subject} run through the {@link BootPipeline}. */
abstract class ModuleCommand extends RunningCommand {
    /** The load or remove of the modules named. */
    abstract Subject subject();

    @Override
    public Integer call() {
        return new BootPipeline(this, subject()).run(run.timing(false), true, false);
    }
}
