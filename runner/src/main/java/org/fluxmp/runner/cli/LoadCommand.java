package org.fluxmp.runner.cli;

import java.util.List;
import org.fluxmp.rules.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code load M...}: load modules and what they require, even modules disabled by config (SPEC 4.9). */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load modules and the modules they require.",
            "Loads MODULE(s) and their requirements that are not loaded yet, each after what it requires."})
final class LoadCommand extends ModuleCommand {

    @Parameters(paramLabel = "MODULE", arity = "1..*", description = "Module to load")
    List<String> modules;

    @Override
    Subject subject() {
        return new Subject.Load(modules);
    }
}
