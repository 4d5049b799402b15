package org.fluxmp.runner.cli;

import org.fluxmp.boot.files.RcSource;
import org.fluxmp.boot.run.RunTiming;
import org.fluxmp.rules.Subject;
import picocli.CommandLine.Option;

/** What run and rc1 share: the options of a run of task files, run through the {@link BootPipeline}. */
abstract class TaskCommand extends RunningCommand {

    @Option(names = "--show-deps", description = "Display dictionary of tasks to predecessor list and exit")
    boolean showDeps;

    @Option(names = "--no-cache", description = "Plan from scratch: do not use or store a cached plan.")
    boolean noCache;

    /** Runs what SOURCE names (rc1, run NAME, run FILE); TIMING for rc1 --timing. */
    int runTasks(RcSource source, RunTiming timing) {
        return new BootPipeline(this, new Subject.Tasks(source)).run(timing, !noCache, showDeps);
    }
}
