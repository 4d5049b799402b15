package org.fluxmp.runner.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code generate-completion}: the bash completion script, from the same annotations as
 * {@code --help}. picocli's own command of that name accepts any argument; this one parses
 * strictly, like every other command.
 */
@Command(name = "generate-completion", hidden = true, mixinStandardHelpOptions = true,
        description = "Print the bash completion script on stdout.")
final class CompletionScript implements Callable<Integer> {
    @ParentCommand FluxModprobe root;

    @Override
    public Integer call() {
        root.ctx.out().print(AutoComplete.bash("flux-modprobe", FluxModprobe.commandLine(root.ctx)));
        root.ctx.out().print('\n');
        return FluxModprobe.OK;
    }
}
