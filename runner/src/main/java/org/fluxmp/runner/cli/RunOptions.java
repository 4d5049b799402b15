package org.fluxmp.runner.cli;

import org.fluxmp.boot.run.RunSettings;
import org.fluxmp.boot.run.RunTiming;
import picocli.CommandLine.Option;

/** Options of the commands that run tasks. */
public final class RunOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print tasks as they are executed (on stderr).")
    boolean verbose;

    @Option(names = {"-n", "--dry-run", "--dry"}, description = "Don't do anything. Print what would be run.")
    boolean dryRun;

    @Option(names = {"-j", "--jobs"}, paramLabel = "W",
            description = "Run at most W tasks at once (default: number of cores + 4).")
    Integer jobs;

    @Option(names = "--timing-file", paramLabel = "FILE",
            description = "Write the run's timing list ({name, starttime, duration} in seconds) to FILE as JSON (for plot).")
    java.nio.file.Path timingFile;

    /** The values these options give. */
    public RunSettings settings() {
        return new RunSettings(verbose, dryRun, jobs, timingFile);
    }

    /** Timing for this run: STORE puts it in the KVS (rc1 --timing), timingFile writes it; null for neither. */
    RunTiming timing(boolean store) {
        return settings().timing(store);
    }

    int workers() {
        return settings().workers();
    }

    /** -j W as given (at least 1), else the number of cores + 4. */
    static int workers(Integer jobs) {
        return new RunSettings(false, false, jobs, null).workers();
    }
}
