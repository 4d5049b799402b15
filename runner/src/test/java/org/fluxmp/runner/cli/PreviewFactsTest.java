package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.facts.StaticFacts;
import org.junit.jupiter.api.Test;

/** Preview overrides on a real broker's facts read as if merged into them. */
class PreviewFactsTest {
    private final StaticFacts broker = new StaticFacts(Map.of("HOME", "/root"))
            .rank(3)
            .attr("content.backing-module", "content-sqlite")
            .conf("modules.alternatives.sched", "sched-simple")
            .conf("modules.job-list.priority", 100L)
            .conf("resource.noverify", true)
            .brokerEnv("FLUX_X", "broker");

    private PreviewFacts preview(Integer rank, StaticFacts over) {
        return new PreviewFacts(broker, rank, over);
    }

    @Test
    void withoutOverridesTheBrokersFactsShow() {
        PreviewFacts f = preview(null, new StaticFacts(Map.of()));
        assertEquals(3, f.rank());
        assertEquals(Optional.of("content-sqlite"), f.attr("content.backing-module"));
        assertEquals(Optional.of("true"), f.config("resource.noverify"));
        assertEquals(Optional.of("broker"), f.env("FLUX_X"));
    }

    @Test
    void overriddenFactsWin() {
        StaticFacts over = new StaticFacts(Map.of()).attr("content.backing-module", "content-files")
                .conf("resource.noverify", false).env("FLUX_X", "preview");
        PreviewFacts f = preview(1, over);
        assertEquals(1, f.rank());
        assertEquals(Optional.of("content-files"), f.attr("content.backing-module"));
        assertEquals(Optional.of("false"), f.config("resource.noverify"));
        assertEquals(Optional.of("preview"), f.env("FLUX_X"));
    }

    @Test
    void anOverriddenTableIsMergedIntoTheBrokers() {
        PreviewFacts f = preview(null, new StaticFacts(Map.of()).conf("modules.alternatives.sched", "sched-fifo"));
        assertEquals(Map.of("alternatives", Map.of("sched", "sched-fifo"), "job-list", Map.of("priority", 100L)),
                f.configTable("modules"));
        assertEquals(Optional.of("100"), f.config("modules.job-list.priority"));
    }

    @Test
    void aScalarOverrideHidesTheBrokersTableUnderIt() {
        PreviewFacts f = preview(null, new StaticFacts(Map.of()).conf("modules", "off"));
        assertEquals(Optional.empty(), f.config("modules.job-list.priority"));
        assertEquals(Map.of(), f.configTable("modules"));
    }
}
