package org.fluxmp.rules.facts;

import java.util.List;
import org.fluxmp.rules.Unit;

/**
 * A unit offers a service: its own name or one of its provides. It keeps its unit, so that the
 * rules compare providers without joining their units.
 */
public record Offer(String service, Unit unit) {
    /** The providing unit's name. */
    public String provider() {
        return unit.getName();
    }

    /** The provider's requires. */
    public List<String> requires() {
        return unit.getRequires();
    }

    /** Whether this provider beats OTHER's: higher (priority, load order). */
    public boolean outranks(Offer other) {
        return unit.outranks(other.unit);
    }
}
