package org.fluxmp.runner.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Subject;
import org.fluxmp.rules.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code show MODULE}: the configuration of a module, or of the provider chosen for a service. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show the configuration of a module as JSON.",
            "For a service, shows the module selected to provide it."})
final class ShowCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin SelectionOptions selection;
    @Mixin FactOptions factOptions;

    @Parameters(paramLabel = "MODULE", description = "Module name to show")
    String module;

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        Decision d = new RunRequest(new Subject.Config(), factOptions.facts(ctx), selection.selection(ctx),
                SetupStepRunner.NONE, root.config(false)).decide();
        Unit u = d.provider(module).orElseThrow(() -> new ConfigException("no such task or module " + module));
        ctx.out().println(JsonStyle.PYTHON.write(toMap(u)));
        return FluxModprobe.OK;
    }

    /** The original's {@code Module.to_dict()}: these keys in this order. */
    static Map<String, Object> toMap(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.getName());
        if (u.isModule()) {
            m.put("module", u.getModule());
            m.put("args", u.getArgs());
        }
        m.put("ranks", u.getRanks().toString());
        m.put("provides", u.getProvides());
        m.put("requires", u.getRequires());
        m.put("needs", u.getNeeds());
        m.put("before", u.getBefore());
        m.put("after", u.getAfter());
        m.put("priority", u.getPriority());
        m.put("disabled", u.isDisabled() || u.isDisableRequested());
        if (u.isModule()) {
            m.put("exec", u.isExec());
        }
        return m;
    }
}
