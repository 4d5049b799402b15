package org.fluxmp.rules;

import java.util.List;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.FactKind;

/**
 * Checks that need no broker facts, for {@code verify}: every name in requires, needs, after and
 * before is a known task, module or service, and {@code *} is used only as SPEC 3 allows.
 */
public final class StaticChecks {
    private StaticChecks() {}

    public static void check(UnitTable table, List<Problem> problems) {
        for (Unit u : table.units()) {
            names(table, u, "requires", u.getRequires(), false, problems);
            names(table, u, "needs", u.getNeeds(), false, problems);
            names(table, u, "after", u.getAfter(), true, problems);
            names(table, u, "before", u.getBefore(), true, problems);
            if (u.getAfter().contains("*") && u.getBefore().contains("*")) {
                Place p = u.placeOf("before");
                problems.add(new Problem(p.file(), p.line(), u.getName() + ": cannot specify both before=[\"*\"] and after=[\"*\"]"));
            }
            for (String spec : u.getNeedsAttrs()) {
                condition(u, FactKind.ATTR, spec, problems);
            }
            for (String spec : u.getNeedsConfig()) {
                condition(u, FactKind.CONFIG, spec, problems);
            }
            for (String spec : u.getNeedsEnv()) {
                condition(u, FactKind.ENV, spec, problems);
            }
        }
    }

    private static void names(UnitTable table, Unit u, String key, List<String> names, boolean starOk, List<Problem> problems) {
        for (String n : names) {
            if (n.equals("*") && starOk) {
                if (names.size() > 1) {
                    Place p = u.placeOf(key);
                    problems.add(new Problem(p.file(), p.line(), u.getName() + ": " + key + ": \"*\" must be the only entry"));
                }
                continue;
            }
            if (!table.hasService(n)) {
                Place p = u.placeOf(key);
                problems.add(new Problem(p.file(), p.line(), u.getName() + ": " + key + ": no such task or module " + n));
            }
        }
    }

    private static void condition(Unit u, FactKind kind, String spec, List<Problem> problems) {
        Condition c = Condition.parse(kind, spec);
        if (c.key().isEmpty()) {
            Place p = u.placeOf(kind.key());
            problems.add(new Problem(p.file(), p.line(), u.getName() + ": " + kind.key() + ": empty name in '" + spec + "'"));
        }
    }
}
