package org.fluxmp.runner.cli;

import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rc3}: shut a broker down: remove every loaded module and run rc3 tasks (SPEC 4.8). */
@Command(name = "rc3", mixinStandardHelpOptions = true,
        description = {"Remove all loaded modules and run shutdown tasks.",
            "Runs rc3.toml and every rc3.d/*.toml file on the search path."})
final class Rc3Command extends RunningCommand {

    @Option(names = "--no-cache", description = "Plan from scratch: do not use or store a cached plan.")
    boolean noCache;

    @Override
    public Integer call() {
        return pipeline().run(run.timing(false), !noCache, false);
    }

    /** Plans rc3 without the cache (tests run one plan many times). */
    BootPipeline.Prepared prepare() {
        return pipeline().prepare();
    }

    private BootPipeline pipeline() {
        return new BootPipeline(this, new Subject.Tasks(RcSource.runlevel("rc3")));
    }
}
