package org.fluxmp.rules;

import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Place;

/**
 * One {@code [setup]} table or {@code [[setup.when]]} table of an rc file. Maps keep file order.
 * {@code remove} is null (none), the list {@code ["all"]}, or module names.
 */
public record SetupBlock(
        Place place,
        List<Condition> when,
        Map<String, String> setopt,
        Map<String, String> setoptOverwrite,
        Map<String, String> alternatives,
        List<String> enable,
        List<String> load,
        List<String> remove,
        List<String> disable,
        String run) {

    static final List<String> KEYS = List.of("load", "remove", "setopt", "setopt-overwrite", "alternatives",
            "enable", "disable", "run", "when", "needs-attrs", "needs-config", "needs-env");
}
