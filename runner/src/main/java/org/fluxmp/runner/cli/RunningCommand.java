package org.fluxmp.runner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What the commands that run a plan (rc1, rc3, run, load, remove) share: the run and fact options. */
abstract class RunningCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin RunOptions run;
    @Mixin FactOptions factOptions;

    /** Binds the shared options without picocli ({@link DirectCommands}); returns this. */
    RunningCommand bind(FluxModprobe root, RunOptions run, FactOptions factOptions) {
        this.root = root;
        this.run = run;
        this.factOptions = factOptions;
        return this;
    }
}
