package org.fluxmp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.Subject;
import org.junit.jupiter.api.Test;

/**
 * SPEC 4.8 with the built-in defaults: every loaded module is removed, module before/after swap,
 * requires are dropped, rc3 tasks run (run-all-rc3 first), and the content store is flushed and
 * dumped before its backing module goes.
 */
class Rc3PlanTest {
    static final List<String> LOADED = List.of("heartbeat", "content", "content-sqlite", "kvs", "kvs-watch",
            "resource", "job-manager", "sched-simple");

    private static List<String> order(int workers) {
        Fixture f = Fixture.shipped();
        f.facts.attr("content.dump", "auto");
        for (String m : LOADED) {
            f.facts.loaded(m, java.util.Set.of(m));
        }
        Plan plan = Planner.plan(f.decide(new Subject.Tasks(RcSource.runlevel("rc3"))), workers);
        return plan.tasks().stream().map(PlanTask::name).toList();
    }

    @Test
    void contentIsFlushedThenDumpedBeforeItsBackingModuleIsRemoved() {
        for (int w : List.of(1, 2, 8)) {
            List<String> o = order(w);
            assertTrue(o.indexOf("content-flush") < o.indexOf("content-dump"), w + ": " + o);
            assertTrue(o.indexOf("content-dump") < o.indexOf("content-sqlite"), w + ": " + o);
        }
    }

    @Test
    void runAllRc3RunsFirst() {
        assertEquals("run-all-rc3", order(2).get(0));
    }

    @Test
    void modulesAreRemovedInReverseLoadOrder() {
        List<String> o = order(2);
        assertTrue(o.indexOf("sched-simple") < o.indexOf("job-manager"), o.toString());
        assertTrue(o.indexOf("job-manager") < o.indexOf("resource"), o.toString());
        assertTrue(o.indexOf("kvs") < o.indexOf("content-sqlite"), o.toString());
        assertTrue(o.indexOf("content-sqlite") < o.indexOf("content"), o.toString());
    }

    @Test
    void everyLoadedModuleIsRemovedAndNothingElse() {
        List<String> modules = order(2).stream().filter(LOADED::contains).toList();
        assertEquals(LOADED.size(), modules.size());
        assertFalse(order(2).contains("cron"));
    }
}
