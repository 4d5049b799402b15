package org.fluxmp.rules;

import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.setup.Directive;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * Applies an rc file's {@code [setup]} and then each {@code [[setup.when]]} whose conditions hold,
 * each in the order SPEC 3 gives: setopt, setopt-overwrite, alternatives, enable, load, remove, then
 * the run step's directives; disable requests wait until all setup is done.
 */
final class SetupApplier {
    private final ModprobeRules rules;
    private final SetupStepRunner steps;

    SetupApplier(ModprobeRules rules, SetupStepRunner steps) {
        this.rules = rules;
        this.steps = steps;
    }

    void apply(RcFile rc) {
        for (SetupBlock block : rc.setup()) {
            if (holds(block)) {
                applyBlock(block);
            }
        }
    }

    private boolean holds(SetupBlock block) {
        for (Condition c : block.when()) {
            if (!c.holds(rules.ledger().value(c.kind(), c.key()))) {
                return false;
            }
        }
        return true;
    }

    private void applyBlock(SetupBlock b) {
        Place at = b.place();
        for (Map.Entry<String, String> e : b.setopt().entrySet()) {
            expand(e.getValue()).ifPresent(v -> rules.moduleArgs().setopt(e.getKey(), v, false));
            known(e.getKey(), at);
        }
        for (Map.Entry<String, String> e : b.setoptOverwrite().entrySet()) {
            expand(e.getValue()).ifPresent(v -> rules.moduleArgs().setopt(e.getKey(), v, true));
            known(e.getKey(), at);
        }
        for (Map.Entry<String, String> e : b.alternatives().entrySet()) {
            expand(e.getValue()).ifPresent(m -> alternative(e.getKey(), m, at));
        }
        for (String name : b.enable()) {
            expand(name).ifPresent(n -> guard(at, () -> rules.table().enable(n, at)));
        }
        for (String name : b.load()) {
            expand(name).ifPresent(n -> load(n, "setup load in " + at, at));
        }
        if (b.remove() != null) {
            rules.addRemovals(b.remove());
        }
        for (String name : b.disable()) {
            expand(name).ifPresent(n -> rules.disable(n, "setup disable in " + at));
        }
        if (b.run() != null) {
            for (String line : steps.run(b.run(), at)) {
                if (!line.isBlank()) {
                    directive(line, at);
                }
            }
        }
    }

    private void directive(String line, Place at) {
        Directive d;
        try {
            d = Directive.parse(line, true);
        } catch (ToolException e) {
            throw new ConfigException(new Problem(at.file(), at.line(), "setup: " + e.problems().get(0).message()));
        }
        String via = "setup run directive '" + d.line() + "' in " + at;
        switch (d.verb()) {
            case "load":
                d.words().forEach(n -> load(n, via, at));
                break;
            case "remove":
                rules.addRemovals(d.words());
                break;
            case "setopt":
            case "setopt-overwrite":
                rules.moduleArgs().setopt(d.words().get(0), d.words().subList(1, d.words().size()), d.verb().equals("setopt-overwrite"));
                break;
            case "alternative":
                alternative(d.key(), d.value(), at);
                break;
            case "enable":
                d.words().forEach(n -> guard(at, () -> rules.table().enable(n, at)));
                break;
            case "disable":
                d.words().forEach(n -> rules.disable(n, via));
                break;
            case "set":
                rules.data().put(d.key(), d.value());
                break;
            case "setenv":
                rules.setenv().put(d.key(), d.value());
                break;
            case "unsetenv":
                rules.setenv().put(d.words().get(0), null);
                break;
            default:
                throw new ConfigException(new Problem(at.file(), at.line(), "unknown directive '" + d.line() + "'"));
        }
    }

    private void load(String name, String via, Place at) {
        Optional<Unit> u = rules.table().unit(name);
        if (!rules.table().hasService(name)) {
            rules.addProblem(new Problem(at.file(), at.line(), "no such task or module " + name));
            return;
        }
        if (u.isPresent() && !u.get().isModule()) {
            rules.addProblem(new Problem(at.file(), at.line(), name + " is not a module"));
            return;
        }
        rules.addSeed(name, via, true);
    }

    private void alternative(String service, String module, Place at) {
        guard(at, () -> rules.table().setAlternative(service, module, "setup alternatives in " + at));
    }

    private void known(String name, Place at) {
        if (!rules.table().hasService(name)) {
            rules.addProblem(new Problem(at.file(), at.line(), "no such task or module " + name));
        }
    }

    private void guard(Place at, Runnable action) {
        try {
            action.run();
        } catch (ToolException e) {
            for (Problem p : e.problems()) {
                rules.addProblem(new Problem(at.file(), at.line(), p.message()));
            }
        }
    }

    private Optional<String> expand(String value) {
        return Expansion.expand(value, rules.ledger());
    }
}
