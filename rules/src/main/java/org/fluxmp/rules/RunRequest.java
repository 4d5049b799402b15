package org.fluxmp.rules;

import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * The one way into the rules: what a command asks about (SUBJECT), on which broker FACTS, with
 * which SELECTION, running setup {@code run} steps with SETUP, reading the configuration from
 * CONFIG. {@link #decide()} gives the immutable {@link Decision}; {@link #read()} reads once for
 * commands that then decide for many ranks.
 */
public record RunRequest(Subject subject, Facts facts, Selection selection, SetupStepRunner setup, ConfigSource config) {
    /** The files read, the setup applied and the selection laid over them: what any rank decides from. */
    public Reading read() {
        return Reading.of(this);
    }

    /** The decision for the facts' rank. */
    public Decision decide() {
        return read().decide();
    }
}
