package org.fluxmp.runner.cli;

import org.fluxmp.boot.files.RcSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rc1}: bring a broker up: the built-in rc1 plus every rc1.d drop-in. */
@Command(name = "rc1", mixinStandardHelpOptions = true,
        description = {"Load modules and run start-up tasks.",
            "Runs rc1.toml and every rc1.d/*.toml file on the search path."})
final class Rc1Command extends TaskCommand {
    @Option(names = "--timing", description = "Store timing data in KVS in modprobe.stats key")
    boolean timing;

    @Override
    public Integer call() {
        return runTasks(RcSource.runlevel("rc1"), run.timing(timing));
    }
}
