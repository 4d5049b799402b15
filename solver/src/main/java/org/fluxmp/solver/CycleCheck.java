package org.fluxmp.solver;

import java.util.List;
import java.util.Optional;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;
import org.fluxmp.rules.Unit;
import org.fluxmp.rules.UnitTable;

/** {@code verify}'s ordering check: a cycle among all units of a runlevel, as a problem placed where its first unit is defined. */
public final class CycleCheck {
    private CycleCheck() {}

    /** A cycle among TABLE's units as a problem, if there is one; REMOVAL (rc3) swaps module before/after as removal does. */
    public static List<Problem> of(UnitTable table, boolean removal) {
        try {
            OrderingGraph g = OrderingGraph.build(table.units(),
                    // unknown names are reported by the static checks; here they just add no edge
                    n -> Optional.of(table.staticProvider(n).map(Unit::getName).orElse(n)),
                    u -> removal && u.isModule() ? u.getBefore() : u.getAfter(),
                    u -> removal && u.isModule() ? u.getAfter() : u.getBefore());
            Optional<List<String>> c = g.cycle();
            if (c.isEmpty()) {
                return List.of();
            }
            Place p = table.unit(c.get().get(0)).map(Unit::getDefinedAt).orElse(Place.NOWHERE);
            return List.of(new Problem(p.file(), p.line(), (removal ? "rc3: " : "") + "nodes are in a cycle: "
                    + String.join(" -> ", c.get())));
        } catch (ToolException e) {
            return e.problems();
        }
    }
}
