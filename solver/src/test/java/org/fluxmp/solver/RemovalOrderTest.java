package org.fluxmp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.Subject;
import org.junit.jupiter.api.Test;

/** SPEC 4.10: a remove's modules are removed in reverse load order. */
class RemovalOrderTest {

    @Test
    void removalsRunInReverseLoadOrder() {
        Fixture f = Fixture.solver();
        for (String m : List.of("base", "lib", "app")) {
            f.facts.loaded(m, Set.of(m));
        }
        Plan plan = Planner.plan(f.decide(new Subject.Remove(List.of("app"))), 4);
        assertEquals(List.of("app", "lib", "base"), plan.tasks().stream().map(PlanTask::name).toList());
        plan.tasks().forEach(t -> assertEquals("remove", t.verb(), t.name()));
    }
}
