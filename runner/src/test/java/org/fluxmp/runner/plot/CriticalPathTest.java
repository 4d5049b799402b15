package org.fluxmp.runner.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The critical path: from the last task back through the predecessor that ended last. */
class CriticalPathTest {
    static Bar bar(String name, double startMs, double durMs) {
        return new Bar(name, startMs / 1000, durMs / 1000, Bar.Kind.TASK);
    }

    @Test
    void withoutPrecedenceEachTaskFollowsTheOneThatEndedLastBeforeItStarted() {
        List<Bar> bars = List.of(bar("a", 0, 10), bar("b", 0, 4), bar("c", 10, 5), bar("d", 4, 3));
        assertEquals(List.of("a", "c"), CriticalPath.of(bars, null));
    }

    @Test
    void withPrecedenceOnlyPredecessorsCount() {
        // d waited for b, not for a, although a ended later
        List<Bar> bars = List.of(bar("a", 0, 10), bar("b", 0, 4), bar("d", 12, 5));
        assertEquals(List.of("b", "d"), CriticalPath.of(bars, Map.of("d", List.of("b"), "a", List.of(), "b", List.of())));
        assertEquals(List.of("a", "d"), CriticalPath.of(bars, null));
    }

    @Test
    void theRealRc1sPathRunsThroughSchedSimple() {
        Path real = Path.of(System.getProperty("fluxmp.home", "..")).resolve(
                "testdata/flux-samples/modprobe-stats-rc1.json");
        Path deps = real.resolveSibling("modprobe-rc1-show-deps.json");
        List<Bar> bars = TimingList.fromFirstTask(TimingList.read(real, Set.of()::contains));
        List<String> path = CriticalPath.of(bars, TimingList.readDeps(deps));
        assertEquals(List.of("content", "content-sqlite", "fsck", "kvs", "kvs-watch", "resource", "job-manager",
                "sched-simple", "run-all-rc1"), path);
    }

    @Test
    void anEmptyTimingListHasAnEmptyPath() {
        assertEquals(List.of(), CriticalPath.of(List.of(), null));
    }
}
