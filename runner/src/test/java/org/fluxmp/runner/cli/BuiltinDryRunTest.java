package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in rc1/rc3 against the original's own dry runs (testdata/flux-samples): the same lines
 * on ranks 0 and 1, in an order that honours the original's precedence. Ready tasks print in a
 * different order every run of the original, so the order itself is not compared.
 */
class BuiltinDryRunTest {
    static final Path SAMPLES = CliRun.home().resolve("testdata/flux-samples");

    /** The broker config of the samples' size-2 instance (flux-samples README). */
    static final String SAMPLE_CONFIG = "[config.resource]\nnoverify = true\n[config.modules]\n"
            + "alternatives.sched = \"sched-simple\"\njob-list.priority = 100\n";

    @TempDir
    Path dir;

    CliRun dryRun(String command, String simToml) throws IOException {
        Path sim = dir.resolve("sim.toml");
        Files.writeString(sim, simToml);
        CliRun r = CliRun.run(Map.of("FLUX_MODPROBE_PATH", dir.toString()), command, "--dry-run", "--broker=sim:" + sim);
        assertEquals(0, r.exit(), r.describe());
        return r;
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static List<String> sample(String name) throws IOException {
        return lines(Files.readString(SAMPLES.resolve(name)).strip());
    }

    static Map<String, Set<String>> deps(String name) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        ((Map<?, ?>) Json.parse(Files.readString(SAMPLES.resolve(name)))).forEach((k, v) -> {
            Set<String> preds = new LinkedHashSet<>();
            ((List<?>) v).forEach(p -> preds.add((String) p));
            out.put((String) k, preds);
        });
        return out;
    }

    /** The task a dry-run line is about: "load kvs ARGS" -> kvs. */
    static String task(String line) {
        return line.split(" ")[1];
    }

    static Map<String, Integer> positions(List<String> lines) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            out.put(task(lines.get(i)), i);
        }
        return out;
    }

    /** Every "A waits for B" of PRECEDENCE holds in LINES (both present). */
    static void assertHonours(List<String> lines, Map<String, Set<String>> precedence) {
        Map<String, Integer> pos = positions(lines);
        precedence.forEach((a, bs) -> {
            for (String b : bs) {
                if (pos.containsKey(a) && pos.containsKey(b)) {
                    assertTrue(pos.get(b) < pos.get(a), a + " must come after " + b + ":\n" + String.join("\n", lines));
                }
            }
        });
    }

    /** rc3 reverses rc1's order among modules. */
    static Map<String, Set<String>> reversedModules(Map<String, Set<String>> rc1, List<String> rc3Lines) {
        Set<String> removed = new TreeSet<>();
        for (String l : rc3Lines) {
            if (l.startsWith("remove ")) {
                removed.add(task(l));
            }
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        rc1.forEach((a, bs) -> {
            for (String b : bs) {
                if (removed.contains(a) && removed.contains(b)) {
                    out.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
                }
            }
        });
        return out;
    }

    static String loaded(List<String> rc1Lines) {
        List<String> names = new ArrayList<>();
        for (String l : rc1Lines) {
            if (l.startsWith("load ")) {
                names.add("\"" + task(l) + "\"");
            }
        }
        return "loaded = [" + String.join(", ", names) + "]\n";
    }

    @Test
    void rc1OnADefaultBrokerHasTheOriginalsLinesInAnOrderItAllows() throws IOException {
        List<String> ours = lines(dryRun("rc1", "").out());
        assertEquals(new TreeSet<>(sample("size1/modprobe-rc1-dry-run.txt")), new TreeSet<>(ours));
        assertHonours(ours, deps("size1/modprobe-rc1-show-deps.json"));
    }

    @Test
    void rc1OnRank0OfTheSampleInstance() throws IOException {
        List<String> ours = lines(dryRun("rc1", "rank = 0\nsize = 2\n" + SAMPLE_CONFIG).out());
        assertEquals(new TreeSet<>(sample("modprobe-rc1-dry-run.txt")), new TreeSet<>(ours));
        assertHonours(ours, deps("modprobe-rc1-show-deps.json"));
    }

    @Test
    void rc1OnRank1OfTheSampleInstance() throws IOException {
        List<String> ours = lines(dryRun("rc1", "rank = 1\nsize = 2\n" + SAMPLE_CONFIG).out());
        assertEquals(new TreeSet<>(sample("modprobe-rc1-dry-run-rank1.txt")), new TreeSet<>(ours));
        assertHonours(ours, deps("modprobe-rc1-show-deps-rank1.json"));
    }

    @Test
    void rc1ShowDepsHasTheOriginalsPredecessors() throws IOException {
        Path sim = dir.resolve("sim.toml");
        Files.writeString(sim, "rank = 1\nsize = 2\n" + SAMPLE_CONFIG);
        CliRun r = CliRun.run(Map.of("FLUX_MODPROBE_PATH", dir.toString()), "rc1", "--show-deps", "--broker=sim:" + sim);
        Map<String, Set<String>> ours = new LinkedHashMap<>();
        ((Map<?, ?>) Json.parse(r.out())).forEach((k, v) -> ours.put((String) k, new TreeSet<>((List<String>) v)));
        Map<String, Set<String>> theirs = new LinkedHashMap<>();
        deps("modprobe-rc1-show-deps-rank1.json").forEach((k, v) -> theirs.put(k, new TreeSet<>(v)));
        assertEquals(theirs, ours);
    }

    void checkRc3(String simToml, String rc1Sample, String rc1Deps, String rc3Sample) throws IOException {
        List<String> ours = lines(dryRun("rc3", loaded(sample(rc1Sample)) + simToml).out());
        List<String> theirs = sample(rc3Sample);
        assertEquals(new TreeSet<>(theirs), new TreeSet<>(ours));
        assertEquals("run run-all-rc3", ours.get(0), "before = [\"*\"]");
        assertHonours(ours, reversedModules(deps(rc1Deps), ours));
        Map<String, Integer> pos = positions(ours);
        if (pos.containsKey("content-flush")) {
            assertTrue(pos.get("kvs") < pos.get("content-flush") && pos.get("content-flush") < pos.get("content-sqlite"),
                    String.join("\n", ours));
            assertTrue(pos.get("post-finish-event") < pos.get("kvs"), String.join("\n", ours));
        }
    }

    @Test
    void rc3AfterRc1OnADefaultBroker() throws IOException {
        checkRc3("", "size1/modprobe-rc1-dry-run.txt", "size1/modprobe-rc1-show-deps.json",
                "size1/modprobe-rc3-dry-run.txt");
    }

    @Test
    void rc3OnRank0OfTheSampleInstance() throws IOException {
        checkRc3("rank = 0\nsize = 2\n" + SAMPLE_CONFIG, "modprobe-rc1-dry-run.txt", "modprobe-rc1-show-deps.json",
                "modprobe-rc3-dry-run.txt");
    }

    @Test
    void rc3OnRank1OfTheSampleInstance() throws IOException {
        checkRc3("rank = 1\nsize = 2\n" + SAMPLE_CONFIG, "modprobe-rc1-dry-run-rank1.txt",
                "modprobe-rc1-show-deps-rank1.json", "modprobe-rc3-dry-run-rank1.txt");
    }
}
