package org.fluxmp.rules;

import java.util.List;

/**
 * The choices a user laid over the configuration: {@code -S SERVICE=MODULE} alternatives, then
 * disable requests ({@code FLUX_MODPROBE_DISABLE}, {@code --disable}), applied in that order after
 * the run's files are read, each with the words that explain it.
 */
public record Selection(List<Alternative> alternatives, List<Disable> disables) {
    /** Nothing chosen. */
    public static final Selection NONE = new Selection(List.of(), List.of());

    /** SERVICE is provided by MODULE, because WHY. */
    public record Alternative(String service, String module, String why) {}

    /** NAME is disabled, because WHY. */
    public record Disable(String name, String why) {}

    public Selection {
        alternatives = List.copyOf(alternatives);
        disables = List.copyOf(disables);
    }

    void applyTo(ModprobeRules rules) {
        for (Alternative a : alternatives) {
            rules.setAlternative(a.service(), a.module(), a.why());
        }
        for (Disable d : disables) {
            rules.disable(d.name(), d.why());
        }
    }
}
