package org.fluxmp.boot.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measured durations kept between runs, and read from a timing file (the solver's --durations). */
class DurationHistoryTest {
    @TempDir
    Path dir;

    DurationHistory history() {
        return DurationHistory.locate(Map.of("FLUX_MODPROBE_CACHE", dir.toString())).orElseThrow();
    }

    static final DurationHistory.Key KEY = DurationHistory.Key.of("rc1", "sim", 0, List.of("kvs", "content"));

    static Executor.Timing t(String name, double seconds) {
        return new Executor.Timing(name, 0, seconds);
    }

    @Test
    void theCacheDirectoryComesFromTheEnvironmentInOrder() {
        assertEquals(Path.of("/c/durations"), DurationHistory.locate(Map.of("FLUX_MODPROBE_CACHE", "/c",
                "XDG_CACHE_HOME", "/x", "HOME", "/h")).orElseThrow().dir());
        assertEquals(Path.of("/x/flux-modprobe/durations"), DurationHistory.locate(Map.of("XDG_CACHE_HOME", "/x",
                "HOME", "/h")).orElseThrow().dir());
        assertEquals(Path.of("/h/.cache/flux-modprobe/durations"), DurationHistory.locate(Map.of("HOME", "/h"))
                .orElseThrow().dir());
        assertTrue(DurationHistory.locate(Map.of()).isEmpty(), "nowhere to keep them: nothing is kept");
    }

    @Test
    void theEstimateIsTheMedianOfTheLastMeasurementsRoundedUp() {
        DurationHistory h = history();
        for (double s : new double[] {0.010, 0.050, 0.012, 0.011, 0.0132, 0.0139}) {
            h.record(KEY, List.of(t("kvs", s)), List.of("kvs"));
        }
        // the first (10 ms) has dropped out of the last five: 50, 12, 11, 13.2, 13.9
        assertEquals(Map.of("kvs", 14L), h.load(KEY));
    }

    @Test
    void onlyTasksThatSucceededAreRecorded() {
        DurationHistory h = history();
        h.record(KEY, List.of(t("kvs", 0.002), t("content", 5.0)), List.of("kvs"));
        assertEquals(Map.of("kvs", 2L), h.load(KEY));
    }

    @Test
    void anotherSetOfTasksHasItsOwnHistory() {
        DurationHistory h = history();
        h.record(KEY, List.of(t("kvs", 0.002)), List.of("kvs"));
        assertEquals(Map.of(), h.load(DurationHistory.Key.of("rc1", "sim", 0, List.of("kvs"))));
        assertEquals(Map.of(), h.load(DurationHistory.Key.of("rc1", "flux", 0, List.of("kvs", "content"))));
        assertEquals(Map.of("kvs", 2L), h.load(DurationHistory.Key.of("rc1", "sim", 0, List.of("content", "kvs"))));
    }

    @Test
    void aCorruptFileIsIgnoredAndReplaced() throws IOException {
        DurationHistory h = history();
        Files.createDirectories(h.dir());
        Files.writeString(h.file(KEY), "{\"key\": ");
        assertEquals(Map.of(), h.load(KEY));
        h.record(KEY, List.of(t("kvs", 0.003)), List.of("kvs"));
        assertEquals(Map.of("kvs", 3L), h.load(KEY));
    }

    @Test
    void anUnwritableCacheIsSkipped() throws IOException {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "");
        DurationHistory h = DurationHistory.locate(Map.of("FLUX_MODPROBE_CACHE", file.toString())).orElseThrow();
        h.record(KEY, List.of(t("kvs", 0.003)), List.of("kvs"));
        assertEquals(Map.of(), h.load(KEY));
    }

    @Test
    void aTimingFileGivesMillisecondsPerName() throws IOException {
        Path f = dir.resolve("t.json");
        Files.writeString(f, "[{\"name\": \"kvs\", \"starttime\": 0.01, \"duration\": 0.0014},"
                + " {\"name\": \"sched-simple\", \"starttime\": 0.02, \"duration\": 0.1066}]");
        assertEquals(Map.of("kvs", 2L, "sched-simple", 107L), DurationHistory.fromTimingFile(f));
    }

    @Test
    void aFileThatIsNotATimingListIsAnError() throws IOException {
        Path f = dir.resolve("t.json");
        Files.writeString(f, "{\"kvs\": 1}");
        IOException e = assertThrows(IOException.class, () -> DurationHistory.fromTimingFile(f));
        assertTrue(e.getMessage().contains("not a timing list"), e.getMessage());
    }
}
