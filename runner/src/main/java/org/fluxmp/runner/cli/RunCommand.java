package org.fluxmp.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fluxmp.boot.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code run FILE}: the tasks of one rc file (plus the module configuration). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the tasks of an rc file.",
            "Runs the tasks defined in the rc file FILE (TOML), with the module configuration."})
final class RunCommand extends TaskCommand {
    @Parameters(paramLabel = "FILE", description = "Run the tasks defined in rc file FILE")
    Path file;

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            throw new ConfigException(file + ": No such file or directory");
        }
        return runTasks(null, file, run.timing(false));
    }
}
