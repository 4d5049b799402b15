package org.fluxmp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.Decision;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.6: the ordering graph — names resolved through alternatives, names outside the run
 * ignored, unknown names an error, {@code *} as the original treats it (flux-core t0100's cases),
 * and cycles reported before anything runs.
 */
class OrderingGraphTest {

    private static Map<String, Set<String>> preds(String file) {
        return Planner.graph(Fixture.solver().run(file)).predecessors();
    }

    private static Plan plan(String file) {
        return Planner.plan(Fixture.solver().run(file), 4);
    }

    private static List<String> order(Plan p) {
        return p.tasks().stream().map(PlanTask::name).toList();
    }

    private static String cycleError(String file) {
        Decision d = Fixture.solver().run(file);
        ConfigException e = assertThrows(ConfigException.class, () -> Planner.plan(d, 4));
        return e.getMessage();
    }

    @Test
    void afterNamingAServiceWaitsForItsSelectedProvider() {
        // client: after = ["svc"], and fast outranks slow as svc's provider
        assertEquals(Set.of("fast"), preds("ordering.toml").get("client"));
    }

    @Test
    void beforeNamingAServiceMakesItsProviderWait() {
        assertTrue(preds("ordering.toml").get("fast").contains("early"));
    }

    @Test
    void beforeOfOneTaskIsAPredecessorOfTheOther() {
        assertEquals(Set.of("client", "middle"), preds("ordering.toml").get("late"));
    }

    @Test
    void namesOutsideTheRunAreIgnored() {
        // late is also after idle, a configured module that nothing loads
        assertTrue(!preds("ordering.toml").containsKey("idle"));
        assertTrue(!preds("ordering.toml").get("late").contains("idle"));
    }

    @Test
    void unknownNameInAfterIsAnError() {
        Decision d = Fixture.solver().run("unknown-after.toml");
        ConfigException e = assertThrows(ConfigException.class, () -> Planner.graph(d));
        assertEquals("no such task or module no-such-thing", e.getMessage());
    }

    @Test
    void planRunsEveryTaskAfterItsPredecessors() {
        Plan p = plan("ordering.toml");
        List<String> order = order(p);
        for (PlanTask t : p.tasks()) {
            for (String pred : t.predecessors()) {
                assertTrue(order.indexOf(pred) < order.indexOf(t.name()), pred + " before " + t.name() + " in " + order);
            }
        }
    }

    @Test
    void beforeStarRunsFirst() {
        assertEquals(Map.of("first", Set.of(), "last", Set.of("first")), preds("star-before.toml"));
        assertEquals(List.of("first", "last"), order(plan("star-before.toml")));
    }

    @Test
    void severalBeforeStarTasksRunBeforeTheOthersAndInParallelWithEachOther() {
        Map<String, Set<String>> p = preds("star-before-multiple.toml");
        assertEquals(Set.of(), p.get("first"));
        assertEquals(Set.of(), p.get("also-before"));
        assertEquals(Set.of("first", "also-before"), p.get("last"));
    }

    @Test
    void beforeListingABeforeStarTaskIsACycle() {
        assertEquals("nodes are in a cycle: first -> before-first -> first", cycleError("star-before-listed.toml"));
    }

    @Test
    void afterStarRunsLast() {
        Map<String, Set<String>> p = preds("star-after.toml");
        assertEquals(Set.of("first", "last"), p.get("really-last"));
        assertEquals(List.of("first", "last", "really-last"), order(plan("star-after.toml")));
    }

    @Test
    void severalAfterStarTasksRunAfterTheOthersAndInParallelWithEachOther() {
        Map<String, Set<String>> p = preds("star-after-multiple.toml");
        assertEquals(Set.of("first", "last"), p.get("really-last"));
        assertEquals(Set.of("first", "last"), p.get("also-really-last"));
    }

    @Test
    void afterNamingAnAfterStarTaskIsACycle() {
        assertEquals("nodes are in a cycle: really-last -> after-really-last -> really-last",
                cycleError("star-after-listed.toml"));
    }

    @Test
    void beforeStarWithAfterIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixture.solver().run("star-before-and-after.toml"));
        assertEquals(List.of("next: cannot specify 'before=[\"*\"]' when 'after' is also set (after=['first'])"),
                e.problems().stream().map(Problem::message).toList());
    }

    @Test
    void afterStarWithBeforeIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixture.solver().run("star-after-and-before.toml"));
        assertEquals(List.of("before: cannot specify 'after=[\"*\"]' when 'before' is also set (before=['last'])"),
                e.problems().stream().map(Problem::message).toList());
    }

    @Test
    void cycleIsReportedWithItsNamesInRunOrder() {
        // a waits for b, b for c, c for a: in run order c -> b -> a -> c (some rotation of it)
        String msg = cycleError("cycle.toml");
        assertTrue(List.of("nodes are in a cycle: a -> c -> b -> a", "nodes are in a cycle: b -> a -> c -> b",
                "nodes are in a cycle: c -> b -> a -> c").contains(msg), msg);
    }

    @Test
    void cycleFinderNamesEachEdgeOfTheCycleInRunOrder() {
        Map<String, Set<String>> waitsFor = Map.of("x", Set.of("y"), "y", Set.of("z"), "z", Set.of("x"), "w", Set.of());
        List<String> c = CycleFinder.find(waitsFor).orElseThrow();
        assertEquals(c.get(0), c.get(c.size() - 1));
        for (int i = 0; i + 1 < c.size(); i++) {
            // c(i) runs before c(i+1): c(i+1) waits for c(i)
            assertTrue(waitsFor.get(c.get(i + 1)).contains(c.get(i)), c.toString());
        }
    }

    @Test
    void acyclicGraphHasNoCycle() {
        assertTrue(CycleFinder.find(Map.of("x", Set.of("y"), "y", Set.of())).isEmpty());
    }
}
