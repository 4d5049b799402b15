package org.fluxmp.runner.cli;

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

    int workers() {
        return workers(jobs);
    }

    /** -j W as given (at least 1), else the number of cores + 4. */
    static int workers(Integer jobs) {
        if (jobs != null) {
            if (jobs < 1) {
                throw new org.fluxmp.rules.ConfigException("--jobs: must be at least 1");
            }
            return jobs;
        }
        return Runtime.getRuntime().availableProcessors() + 4;
    }
}
