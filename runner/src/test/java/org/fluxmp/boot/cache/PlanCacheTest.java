package org.fluxmp.boot.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 9: stored plans come back intact, and anything doubtful is ignored with one warning. */
class PlanCacheTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PlanCache cache;
    private static final String KEY = PlanCache.key(List.of("k".getBytes()));

    @BeforeEach
    void setUp() {
        cache = new PlanCache(dir.resolve("c"), new PrintStream(err, true));
    }

    private static Plan plan() {
        PlanTask load = new PlanTask.ModuleStep("kvs", false, "kvs", List.of("kvs"), List.of("a=1"), true, List.of(), 0);
        PlanTask rpc = new PlanTask.Rpc("push", "runat.push", Map.of("name", "cleanup", "n", 2L), List.of("kvs"), 1500);
        PlanTask run = new PlanTask.Run("t", "echo \"x\"\n".repeat(9000), List.of("E"), List.of("kvs", "push"), 0);
        PlanTask remove = new PlanTask.ModuleStep("old", true, "old", List.of("old", "svc"), List.of(), false, List.of(), 0);
        PlanTask java = new PlanTask.JavaClass("j", "org.example.Task", List.of(), List.of("t"), 0);
        PlanTask python = new PlanTask.Python("py", List.of("python3", "bridge.py", "f"), List.of("A", "B"), List.of(), 9);
        return new Plan(0, List.of(load, rpc, run, remove, java, python), Map.of("sched", "sched-simple"), Map.of("kvs", List.of("b=2")),
                List.of("resource"), Map.of("k", "v"), Map.of("E", "1"), 6, "list");
    }

    private static CacheEntry entry() {
        java.util.Map<FactKey, String> facts = new java.util.LinkedHashMap<>();
        facts.put(new FactKey(FactKind.ATTR, "content.restore"), null);
        facts.put(new FactKey(FactKind.ENV, "FLUX_SCHED_MODULE"), "fifo");
        return new CacheEntry(facts, Map.of(RankSet.of(IdRanges.range(0, 0)), true), List.of(new SetupRecord("echo hi", "f.toml", 3, List.of("load x"))), plan());
    }

    @Test
    void storedEntryLoadsBackEqual() {
        cache.store(KEY, entry());
        List<CacheEntry> e = cache.load(KEY);
        assertEquals(List.of(entry()), e, err.toString());
        assertEquals("", err.toString());
    }

    @Test
    void entriesDecidedFromOtherFactsAreKeptAsVariants() {
        CacheEntry rank0 = entry();
        CacheEntry others = new CacheEntry(entry().facts(), Map.of(RankSet.parse("0"), false), entry().setup(), plan());
        cache.store(KEY, rank0);
        cache.store(KEY, others);
        cache.store(KEY, rank0);
        assertEquals(List.of(rank0, others), cache.load(KEY));
    }

    @Test
    void firstValidVariantIsUsed() {
        CacheEntry others = new CacheEntry(entry().facts(), Map.of(RankSet.parse("0"), false), entry().setup(), plan());
        Optional<Plan> p = CacheCheck.firstValid(List.of(entry(), others), facts("fifo").rank(3), SAYS_LOAD_X,
                new ArrayDeque<>());
        assertEquals(3, p.orElseThrow().rank());
    }

    @Test
    void missingEntryIsASilentMiss() {
        assertTrue(cache.load(KEY).isEmpty());
        assertEquals("", err.toString());
    }

    @Test
    void corruptEntryIsIgnoredWithOneWarning() throws Exception {
        cache.store(KEY, entry());
        Path f = cache.fileFor(KEY);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x55;
        Files.write(f, b);
        assertTrue(cache.load(KEY).isEmpty());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("corrupt"));
    }

    @Test
    void truncatedEntryIsIgnoredWithOneWarning() throws Exception {
        cache.store(KEY, entry());
        Path f = cache.fileFor(KEY);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 20));
        assertTrue(cache.load(KEY).isEmpty());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void groupWritableEntryIsNotTrusted() throws Exception {
        cache.store(KEY, entry());
        Files.setPosixFilePermissions(cache.fileFor(KEY), PosixFilePermissions.fromString("rw-rw----"));
        assertTrue(cache.load(KEY).isEmpty());
        assertTrue(err.toString().contains("writable by group or others"), err.toString());
    }

    @Test
    void entryOwnedBySomeoneElseIsNotTrusted() throws Exception {
        cache.store(KEY, entry());
        Path f = cache.fileFor(KEY);
        var lookup = f.getFileSystem().getUserPrincipalLookupService();
        String me = System.getProperty("user.name");
        String other = me.equals("nobody") ? "root" : "nobody";
        try {
            Files.setOwner(f, lookup.lookupPrincipalByName(other));
        } catch (Exception e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "cannot change owner here: " + e);
        }
        assertTrue(cache.load(KEY).isEmpty());
        assertTrue(err.toString().contains("owned by " + other), err.toString());
    }

    @Test
    void entryUnderAnotherKeyIsIgnored() throws Exception {
        cache.store(KEY, entry());
        String other = PlanCache.key(List.of("other".getBytes()));
        Files.copy(cache.fileFor(KEY), cache.fileFor(other));
        assertTrue(cache.load(other).isEmpty());
        assertTrue(err.toString().contains("not a plan of this version and key"), err.toString());
    }

    // ---- CacheCheck ----

    private static StaticFacts facts(String sched) {
        StaticFacts f = new StaticFacts(sched == null ? Map.of() : Map.of("FLUX_SCHED_MODULE", sched));
        return f;
    }

    private static final SetupStepRunner SAYS_LOAD_X = (script, place) -> List.of("load x");

    @Test
    void entryHoldsWhenEveryRecordedFactIsUnchanged() {
        assertTrue(CacheCheck.validate(entry(), facts("fifo"), SAYS_LOAD_X, new ArrayDeque<>()).isPresent());
    }

    @Test
    void changedFactMakesAMiss() {
        assertTrue(CacheCheck.validate(entry(), facts("none"), SAYS_LOAD_X, new ArrayDeque<>()).isEmpty());
    }

    @Test
    void newlySetFactMakesAMiss() {
        StaticFacts f = facts("fifo").attr("content.restore", "auto");
        assertTrue(CacheCheck.validate(entry(), f, SAYS_LOAD_X, new ArrayDeque<>()).isEmpty());
    }

    @Test
    void rankOutsideTheRecordedRankSetsMakesAMiss() {
        assertTrue(CacheCheck.validate(entry(), facts("fifo").rank(1), SAYS_LOAD_X, new ArrayDeque<>()).isEmpty());
    }

    @Test
    void hitTakesTheCurrentRank() {
        CacheEntry e = new CacheEntry(entry().facts(), Map.of(RankSet.parse(">0"), true), entry().setup(), plan());
        assertEquals(7, CacheCheck.validate(e, facts("fifo").rank(7), SAYS_LOAD_X, new ArrayDeque<>()).get().rank());
    }

    @Test
    void differentSetupOutputMakesAMissAndKeepsTheOutputForReplay() {
        ArrayDeque<SetupRecord> replay = new ArrayDeque<>();
        assertTrue(CacheCheck.validate(entry(), facts("fifo"), (s, p) -> List.of("load y"), replay).isEmpty());
        assertEquals(List.of("load y"), replay.getFirst().directives());
    }

    @Test
    void replayedSetupStepIsNotRunAgain() {
        ArrayDeque<SetupRecord> replay = new ArrayDeque<>(List.of(new SetupRecord("echo hi", "f", 1, List.of("load y"))));
        RecordingSetupSteps steps = new RecordingSetupSteps((s, p) -> {
            throw new AssertionError("ran again: " + s);
        }, replay);
        assertEquals(List.of("load y"), steps.run("echo hi", new org.fluxmp.boot.Place("f", 1)));
    }

    @Test
    void loadedModulesInAnotherOrderAreTheSameFact() {
        StaticFacts a = facts(null).loaded("kvs", java.util.Set.of("kvs")).loaded("content", java.util.Set.of("content"));
        StaticFacts b = facts(null).loaded("content", java.util.Set.of("content")).loaded("kvs", java.util.Set.of("kvs"));
        RecordingFacts recorded = new RecordingFacts(a);
        recorded.loadedModules();
        assertEquals(recorded.seen().get(FactKey.LOADED), FactKey.LOADED.valueIn(b),
                "a real broker lists loaded modules in a different order in every instance");
    }

    @Test
    void everyKindOfFactLoadsBackAsTheSameKey() {
        java.util.Map<FactKey, String> facts = new java.util.LinkedHashMap<>();
        facts.put(FactKey.RANK, "0");
        facts.put(new FactKey(FactKind.CONFIG, "a.b:c"), null);
        facts.put(new FactKey(FactKind.ENV, "X"), "");
        facts.put(new FactKey(FactKind.TABLE, "modules"), "{}");
        facts.put(FactKey.LOADED, "[\"kvs\"]");
        java.util.Map<RankSet, Boolean> ranks = new java.util.LinkedHashMap<>();
        ranks.put(RankSet.parse("[7,0-3]"), false);
        ranks.put(RankSet.ALL, true);
        ranks.put(RankSet.parse("<4"), true);
        cache.store(KEY, new CacheEntry(facts, ranks, List.of(), plan()));
        CacheEntry back = cache.load(KEY).get(0);
        assertEquals(List.copyOf(facts.entrySet()), List.copyOf(back.facts().entrySet()), err.toString());
        assertEquals(List.copyOf(ranks.entrySet()), List.copyOf(back.rankSets().entrySet()));
    }

    @Test
    void recordedFactsAreKeysOfTheirKind() {
        RecordingFacts recorded = new RecordingFacts(facts("fifo"));
        recorded.env("FLUX_SCHED_MODULE");
        recorded.configTable("modules");
        recorded.attr("content.restore");
        assertEquals(List.of(new FactKey(FactKind.ENV, "FLUX_SCHED_MODULE"), new FactKey(FactKind.TABLE, "modules"),
                new FactKey(FactKind.ATTR, "content.restore")), List.copyOf(recorded.seen().keySet()));
        assertEquals("{}", recorded.seen().get(new FactKey(FactKind.TABLE, "modules")));
    }

    @Test
    void changedTableOrLoadedModulesMakeAMiss() {
        RecordingFacts recorded = new RecordingFacts(facts("fifo").conf("modules.kvs.args", "a"));
        recorded.configTable("modules");
        recorded.loadedModules();
        CacheEntry e = new CacheEntry(recorded.seen(), Map.of(), List.of(), plan());
        assertTrue(CacheCheck.validate(e, facts("fifo").conf("modules.kvs.args", "a"), SAYS_LOAD_X, new ArrayDeque<>())
                .isPresent());
        assertTrue(CacheCheck.validate(e, facts("fifo").conf("modules.kvs.args", "b"), SAYS_LOAD_X, new ArrayDeque<>())
                .isEmpty());
        assertTrue(CacheCheck.validate(e, facts("fifo").conf("modules.kvs.args", "a").loaded("kvs", java.util.Set.of("kvs")),
                SAYS_LOAD_X, new ArrayDeque<>()).isEmpty());
    }
}
