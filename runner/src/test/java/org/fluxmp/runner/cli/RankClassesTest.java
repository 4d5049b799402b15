package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.boot.files.RcSource;
import org.fluxmp.rules.ConfigSource;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.Reading;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Selection;
import org.fluxmp.rules.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rank classes (issue 11): deciding once per class gives what deciding rank by rank gives, on
 * random configurations and rank sets up to 2^20 ranks, and a compiled class serves a boot of
 * any of its ranks.
 */
class RankClassesTest {
    @TempDir Path tmp;

    /** DIR's rc1 read (on top of the built-in configuration) as rank RANK. */
    private static Reading read(Path dir, int rank) {
        return new RunRequest(new Subject.Tasks(RcSource.runlevel("rc1")), new StaticFacts(Map.of()).rank(rank),
                Selection.NONE, SetupStepRunner.NONE,
                ConfigSource.of(new SearchPath(CliRun.home().resolve("etc/modprobe"), List.of(dir.toString())))).read();
    }

    /** What a decision makes of rc1: the units it runs and the alternatives it selects. */
    private static String outcome(Decision d) {
        return new TreeSet<>(d.units()) + " " + d.alternatives();
    }

    /** What rc1 decides at RANK, read and decided afresh. */
    private static String decide(Path dir, int rank) {
        return outcome(read(dir, rank).decide());
    }

    /** Reads DIR once, as rank FIRST: then decides any rank from that reading, as the commands do. */
    private static IntFunction<RankClasses.Decided<String>> fromOneReading(Path dir, int first) {
        Reading reading = read(dir, first);
        return rank -> {
            Decision d = reading.decideAt(rank);
            String value = outcome(d);
            return new RankClasses.Decided<>(search -> value, d.rankSets(), false);
        };
    }

    /** Every rank expression of DIR's configuration. */
    private static java.util.Set<RankSet> expressions(Path dir) {
        return read(dir, 0).expressions();
    }

    /** The ranks of a class worth checking: both ends of each range, the ranks just inside, and a few at random. */
    private static List<Integer> sample(IdRanges cls, Random r) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(cls.rangeCount(), 12); i++) {
            int k = i < 6 ? i : cls.rangeCount() - 12 + i;
            if (k < 0 || k >= cls.rangeCount()) {
                continue;
            }
            int lo = cls.low(k);
            int hi = cls.high(k);
            out.add(lo);
            out.add(hi);
            if (hi > lo) {
                out.add(lo + 1 + r.nextInt(hi - lo));
            }
        }
        return out;
    }

    @Test
    void classesAgreeWithDecidingRankByRank() throws IOException {
        Random r = new Random(11);
        int checked = 0;
        for (int c = 0; c < 25; c++) {
            Path dir = Files.createDirectories(tmp.resolve("c" + c));
            RandomRankConfig.write(dir, r, 6 + r.nextInt(10));
            IdRanges wanted = RankSet.parse(RandomRankConfig.idset(r, 1 + r.nextInt(4))).ranks();
            List<RankClasses.RankClass<String>> classes = RankClasses.split(wanted, fromOneReading(dir, wanted.first()));
            IdRanges covered = IdRanges.EMPTY;
            for (RankClasses.RankClass<String> cls : classes) {
                assertTrue(cls.ranks().intersect(covered).isEmpty(), "classes are disjoint");
                covered = covered.union(cls.ranks());
                for (int rank : sample(cls.ranks(), r)) {
                    assertEquals(cls.value(), decide(dir, rank), "rank " + rank + " of class " + cls.ranks() + " in " + dir);
                    checked++;
                }
            }
            assertEquals(wanted, covered, "the classes cover exactly the ranks asked for");
        }
        assertTrue(checked > 300, "checked " + checked + " ranks");
    }

    @Test
    void decidingOnSeveralThreadsGivesTheSameClasses() throws IOException {
        Random r = new Random(12);
        for (int c = 0; c < 8; c++) {
            Path dir = Files.createDirectories(tmp.resolve("t" + c));
            RandomRankConfig.write(dir, r, 8 + r.nextInt(8));
            IdRanges wanted = IdRanges.range(0, RandomRankConfig.MAX_RANK - 1);
            List<RankClasses.RankClass<String>> one = RankClasses.split(wanted, fromOneReading(dir, 0));
            List<RankClasses.RankClass<String>> two = RankClasses.split(wanted, fromOneReading(dir, 0), 2, 0, null);
            List<RankClasses.RankClass<String>> predicted = RankClasses.split(wanted, fromOneReading(dir, 0), 2, 0,
                    expressions(dir));
            for (List<RankClasses.RankClass<String>> other : List.of(two, predicted)) {
                assertEquals(one.size(), other.size());
                for (int i = 0; i < one.size(); i++) {
                    assertEquals(one.get(i).ranks(), other.get(i).ranks());
                    assertEquals(one.get(i).value(), other.get(i).value());
                }
            }
        }
    }

    @Test
    void decisionsThatReadTheRankItselfAreClassesOfOne() {
        List<Integer> asked = new ArrayList<>();
        List<RankClasses.RankClass<Integer>> classes = RankClasses.split(RankSet.parse("5-9").ranks(), rank -> {
            asked.add(rank);
            return new RankClasses.Decided<>(search -> rank, Map.of(RankSet.ALL, true), true);
        });
        assertEquals(List.of(5, 6, 7, 8, 9), asked);
        assertEquals(5, classes.size());
    }

    @Test
    void theSearchTimeIsSharedByTheClasses() {
        assertEquals(200, RankClasses.share(200, 1));
        assertEquals(100, RankClasses.share(200, 2));
        assertEquals(0, RankClasses.share(200, 60), "a share under 20 ms is list scheduling");
        assertEquals(5, RankClasses.share(5, 1), "a small limit of its own is kept");
    }

    @Test
    void aCompiledPlanServesABootOfAnyRankOfItsClass() throws IOException {
        Random r = new Random(13);
        for (int c = 0; c < 3; c++) {
            Path dir = Files.createDirectories(tmp.resolve("h" + c));
            RandomRankConfig.write(dir, r, 8 + r.nextInt(6));
            Map<String, String> env = Map.of("FLUX_MODPROBE_PATH", dir.toString(),
                    "FLUX_MODPROBE_CACHE", dir.resolve("cache").toString());
            CliRun compile = CliRun.run(env, "compile", "--ranks", "0-" + (RandomRankConfig.MAX_RANK - 1));
            assertEquals(0, compile.exit(), compile.describe());
            Path file;
            try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
                file = s.filter(p -> p.toString().endsWith(".plan")).findFirst().orElseThrow();
            }
            byte[] compiled = Files.readAllBytes(file);
            List<String> groups = compile.out().lines().toList();
            for (String line : groups.subList(0, Math.min(groups.size(), 6))) {
                String idset = line.replaceFirst("^rc1: ranks ([^:]+):.*$", "$1");
                IdRanges cls = RankSet.parse(idset).ranks();
                int range = r.nextInt(cls.rangeCount());
                int rank = cls.low(range) + r.nextInt(cls.high(range) - cls.low(range) + 1);
                CliRun booted = CliRun.run(env, "rc1", "--dry-run", "--rank", Integer.toString(rank));
                CliRun planned = CliRun.run(Map.of("FLUX_MODPROBE_PATH", dir.toString()), "rc1", "--dry-run",
                        "--rank", Integer.toString(rank), "--no-cache");
                assertEquals(planned.out(), booted.out(), "rank " + rank + " of " + idset);
                assertArrayEquals(compiled, Files.readAllBytes(file), "rank " + rank + " of " + idset
                        + " booted from its compiled class: nothing was stored");
            }
        }
    }
}
