package org.fluxmp.runner.cli;

import java.util.concurrent.Callable;
import org.fluxmp.boot.BootRequest;
import org.fluxmp.boot.Context;

/**
 * The command lines that need no parser: {@code rc1}, {@code rc3}, {@code run FILE},
 * {@code load M...} and {@code remove M...} with the options the boot reads ({@link BootRequest}: a plan-cache miss handed over by the boot), and
 * {@code show NAME}, {@code explain NAME}, {@code list-dependencies NAME} alone. They are bound
 * to their command objects here, with picocli's defaults, instead of by picocli, whose model
 * (reflection over the annotations, a proxy class spun per annotation type) costs more than the
 * command itself. Anything else, help and usage errors included, is picocli's; the test checks
 * that both ways print the same.
 */
final class DirectCommands {
    private DirectCommands() {}

    /** The command ARGS name, bound, or null when picocli must parse them. */
    static Callable<Integer> of(String[] args, Context ctx) {
        FluxModprobe root = new FluxModprobe(ctx);
        BootRequest r = BootRequest.parse(args);
        if (r != null) {
            return task(r, root);
        }
        if (args.length != 2 || args[1].startsWith("-") || args[1].startsWith("@")) {
            return null;
        }
        switch (args[0]) {
            case "show": {
                ShowCommand c = new ShowCommand();
                c.root = root;
                c.selection = new SelectionOptions();
                c.factOptions = new FactOptions();
                c.module = args[1];
                return c;
            }
            case "explain": {
                ExplainCommand c = new ExplainCommand();
                c.root = root;
                c.selection = new SelectionOptions();
                c.factOptions = new FactOptions();
                c.rc = "rc1";
                c.name = args[1];
                return c;
            }
            case "list-dependencies": {
                ListDependenciesCommand c = new ListDependenciesCommand();
                c.root = root;
                c.selection = new SelectionOptions();
                c.factOptions = new FactOptions();
                c.module = args[1];
                return c;
            }
            default:
                return null;
        }
    }

    private static Callable<Integer> task(BootRequest r, FluxModprobe root) {
        RunOptions run = new RunOptions();
        run.verbose = r.settings().verbose();
        run.dryRun = r.settings().dryRun();
        run.jobs = r.settings().jobs();
        run.timingFile = r.settings().timingFile();
        FactOptions facts = new FactOptions();
        facts.broker = r.broker();
        switch (r.command()) {
            case "load": {
                LoadCommand c = new LoadCommand();
                c.modules = r.modules();
                return c.bind(root, run, facts);
            }
            case "remove": {
                RemoveCommand c = new RemoveCommand();
                c.modules = r.modules();
                return c.bind(root, run, facts);
            }
            case "run": {
                RunCommand c = new RunCommand();
                c.file = java.nio.file.Path.of(r.source().argument());
                return c.bind(root, run, facts);
            }
            case "rc1": {
                Rc1Command c = new Rc1Command();
                c.timing = r.storeTiming();
                return c.bind(root, run, facts);
            }
            default:
                return new Rc3Command().bind(root, run, facts);
        }
    }

    /** Runs C as picocli's execution handler would: errors reported as {@code flux-modprobe: ERROR:} with their kind's status. */
    static int execute(Callable<Integer> c, Context ctx) {
        try {
            return c.call();
        } catch (Exception e) {
            return FluxModprobe.report(ctx, e);
        }
    }
}
