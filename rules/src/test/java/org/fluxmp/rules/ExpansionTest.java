package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.StaticFacts;
import org.junit.jupiter.api.Test;

/** SPEC 3: ${attr:NAME}, ${env:NAME}, ${config:KEY} in setup values; an unset one makes the entry a no-op. */
class ExpansionTest {

    private static final FactLedger LEDGER = new FactLedger(new StaticFacts(Map.of("HOME", "/home/flux"))
            .attr("content.backing-module", "content-files")
            .conf("exec.sdexec-constrain-resources", true)
            .conf("fake-resources.nnodes", 4L));

    private static Optional<String> expand(String value) {
        return Expansion.expand(value, LEDGER);
    }

    @Test
    void valueWithoutReferencesIsKept() {
        assertEquals(Optional.of("content-sqlite"), expand("content-sqlite"));
    }

    @Test
    void attributeReference() {
        assertEquals(Optional.of("content-files"), expand("${attr:content.backing-module}"));
    }

    @Test
    void environmentReference() {
        assertEquals(Optional.of("dir=/home/flux/x"), expand("dir=${env:HOME}/x"));
    }

    @Test
    void configReferencesPrintBooleansAndIntegersAsStrings() {
        assertEquals(Optional.of("true 4"), expand("${config:exec.sdexec-constrain-resources} ${config:fake-resources.nnodes}"));
    }

    @Test
    void anyUnsetReferenceMakesTheWholeValueUnset() {
        assertEquals(Optional.empty(), expand("${attr:content.backing-module}-${env:NOPE}"));
    }

    @Test
    void dollarSignsInValuesAreKeptLiterally() {
        assertEquals(Optional.of("$1 \\ ${nope content-files"), expand("$1 \\ ${nope ${attr:content.backing-module}"));
    }

    @Test
    void expandedFactsAreRecordedInTheLedger() {
        FactLedger ledger = new FactLedger(new StaticFacts(Map.of()));
        Expansion.expand("${env:FLUX_SCHED_MODULE}", ledger);
        assertEquals(Optional.empty(), ledger.seen().get(new FactKey(FactKind.ENV, "FLUX_SCHED_MODULE")));
    }
}
