package org.fluxmp.runner.cli;

import java.util.List;
import org.fluxmp.rules.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code remove M...}: remove modules and requirements nobody else needs, in reverse load order (SPEC 4.10). */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove modules and the requirements left unused.",
            "Removes MODULE(s) (or all) and the modules they required that no loaded module still needs."})
final class RemoveCommand extends ModuleCommand {

    @Parameters(paramLabel = "MODULE", arity = "1..*", description = "Module to remove ('all' for every loaded module)")
    List<String> modules;

    @Override
    Subject subject() {
        return new Subject.Remove(modules);
    }
}
