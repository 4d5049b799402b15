package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.fluxmp.boot.facts.FactKind;
import org.junit.jupiter.api.Test;

/** How a failed condition reads in explain and solve (SPEC 6: "needs-attrs content.restore is not set"). */
class ConditionTest {
    @Test
    void anUnsetFactReadsAsTheSpecSays() {
        assertEquals("needs-attrs content.restore is not set",
                Condition.parse(FactKind.ATTR, "content.restore").failure(Optional.empty()));
    }

    @Test
    void anUnsetFactThatMustEqualAValueNamesTheFact() {
        assertEquals("needs-env FLUX_SCHED_MODULE=sched-fifo: environment variable FLUX_SCHED_MODULE is not set",
                Condition.parse(FactKind.ENV, "FLUX_SCHED_MODULE=sched-fifo").failure(Optional.empty()));
    }

    @Test
    void aFactThatMustBeUnsetSaysWhatItIsSetTo() {
        assertEquals("needs-config !systemd.enable: config key systemd.enable is set to \"true\"",
                Condition.parse(FactKind.CONFIG, "!systemd.enable").failure(Optional.of("true")));
    }
}
