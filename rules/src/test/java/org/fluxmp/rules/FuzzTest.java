package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.SearchPath;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never crashes the rules: mutated TOML files (truncated, random bytes, values of the
 * wrong type, duplicated keys, random unicode, deep nesting, odd names), generated from a fixed
 * seed out of the shipped etc/modprobe files and the testdata/rules fixtures, are fed through
 * ModprobeRules.open (as a modprobe.d drop-in) and readRcFile (as an rc file), then StaticChecks,
 * decide() and the Explainer. Only ConfigException may escape; anything else fails with the input.
 */
class FuzzTest {
    /** Fixed, so that every run tries the same inputs; -Dfuzz.seed=N -Dfuzz.cases=N explore further. */
    private static final long SEED = Long.getLong("fuzz.seed", 0x00F1_0C5EEDL);
    private static final int CASES = Integer.getInteger("fuzz.cases", 2000);

    @TempDir
    Path tmp;

    /** How far inputs got: decide() ran on this many (config pass + rc pass). */
    private int decided;
    /** ... and this many were stopped by a setup step's ConfigException. */
    private int setupStopped;

    private static final String[] INTERESTING_STRINGS = {
        "", "*", "!", "=", "!=", "=x", "!x=", "all", ">0", "<0", ">-1", "0-2147483647", "4294967296", "-1", "0-", "[0-3]",
        "0,0,0", "3-1", "kvs", "sched", "feasibility", "content-backing", "heartbeat", "job-manager", "sched-simple",
        "${attr:x}", "${env:}", "${config:a..b}", "${attr:content.backing-module}", "${", "a b", "a\tb", "\\u0000",
        "systemd.enable", ".", "..", "a.", "x".repeat(300), "ﬀ", "é", "🙂", "\u202e", "60s", "1.5", "500ms", "nope",
    };

    private static final String[] SNIPPETS = {
        "[[modules]]\n", "[[task]]\n", "[setup]\n", "[[setup.when]]\n", "[alternatives]\n", "[modules]\n",
        "name = \"kvs\"\n", "name = \"fuzz\"\n", "run = \"true\"\n", "rpc = \"x\"\n", "java = \"x.Y\"\n",
        "[task.payload]\n", "kvs.priority = 1\n", "sched.ranks = \">0\"\n", "alternatives.sched = \"kvs\"\n",
        "provides = [\"kvs\"]\n", "needs = [\"kvs\", \"sched\"]\n", "before = [\"*\"]\n", "after = [\"*\"]\n",
        "requires = [\"fuzz\"]\n", "load = [\"sched\"]\n", "enable = [\"sched\"]\n", "disable = [\"kvs\"]\n",
        "remove = \"all\"\n", "when = 1\n", "\"quoted.key\" = 1\n", "a.b.c = 1\n", "x = \"\"\"\n", "'''", "\"", "#", "=", "]", "[", "{",
        "needs-env = [\"!A=B\", \"!\", \"=\"]\n", "setopt = { kvs = \"a  b\" }\n", "run = \"load kvs\\nalternative x=y\\nenable kvs\"\n",
    };

    /** Wrong-typed (or oddly shaped) TOML values. */
    private static final String[] VALUES = {
        "\"string\"", "42", "-7", "0", "9223372036854775807", "-9223372036854775808", "true", "false", "1.5", "nan", "inf",
        "1979-05-27T07:32:00Z", "07:32:00", "[]", "[1, 2]", "[\"a\", 1]", "[[\"a\"]]", "[\"kvs\"]", "[\"*\"]", "[\"*\", \"kvs\"]",
        "{}", "{ a = 1 }", "{ name = \"x\" }", "[{ name = \"x\" }]", "[{}]", "\"0-3\"", "\">0\"", "\"=0\"", "\"\"", "'literal'",
        "\"\"\"multi\nline\"\"\"", "[\"${attr:x}\"]", "{ kvs = \"${env:NOPE}\" }", "{ sched = 5 }",
    };

    private static final Pattern KEY_VALUE = Pattern.compile("(?m)^(\\s*[A-Za-z0-9_.\"'-]+\\s*=\\s*)(.*)$");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\n]*\"");

    /** A seed file and the built-in dir of its scenario (so that its names are known). */
    private record Seed(String name, String text, Path builtin) {}

    private static Path builtinFor(Path file) {
        for (Path d = file.getParent(); d != null && d.startsWith(Scenario.RULES_DATA); d = d.getParent()) {
            if (Files.isDirectory(d.resolve("etc"))) {
                return d.resolve("etc");
            }
        }
        return Scenario.SHIPPED_BUILTIN;
    }

    private static List<Seed> seeds() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Scenario.SHIPPED_BUILTIN, Scenario.RULES_DATA)) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".toml")).sorted().forEach(files::add);
            }
        }
        List<Seed> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new Seed(f.toString(), Files.readString(f), builtinFor(f)));
        }
        return out;
    }

    // ---- mutations: each takes the text (or bytes) and the random source ----

    private static byte[] mutate(String text, Random rnd, List<String> log) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // a third of the inputs get one "semantic" mutation only, so that many still parse and
        // reach decide(); the rest get one to three mutations of any kind
        boolean mild = rnd.nextInt(3) == 0;
        int rounds = mild ? 1 : 1 + rnd.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            int op = mild ? new int[] {5, 7, 8, 9, 9, 9}[rnd.nextInt(6)] : rnd.nextInt(12);
            String s = new String(bytes, StandardCharsets.UTF_8);
            switch (op) {
                case 0: { // truncate
                    int at = bytes.length == 0 ? 0 : rnd.nextInt(bytes.length);
                    bytes = Arrays.copyOf(bytes, at);
                    log.add("truncate@" + at);
                    break;
                }
                case 1: { // insert random bytes
                    int at = rnd.nextInt(bytes.length + 1);
                    byte[] junk = new byte[1 + rnd.nextInt(8)];
                    rnd.nextBytes(junk);
                    bytes = splice(bytes, at, 0, junk);
                    log.add("insert-bytes@" + at);
                    break;
                }
                case 2: { // replace random bytes
                    if (bytes.length == 0) break;
                    int n = 1 + rnd.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256);
                    }
                    log.add("replace-bytes x" + n);
                    break;
                }
                case 3:
                case 4: { // a value swapped to another type
                    bytes = replaceValue(s, rnd, VALUES[rnd.nextInt(VALUES.length)], log).getBytes(StandardCharsets.UTF_8);
                    break;
                }
                case 5: { // duplicate a line: duplicate keys, duplicate [[tables]]
                    List<String> lines = new ArrayList<>(s.lines().collect(Collectors.toList()));
                    if (lines.isEmpty()) break;
                    int at = rnd.nextInt(lines.size());
                    lines.add(at + 1 + rnd.nextInt(Math.min(3, lines.size() - at)), lines.get(at));
                    bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                    log.add("duplicate-line " + (at + 1));
                    break;
                }
                case 6: { // random unicode
                    StringBuilder u = new StringBuilder();
                    int n = 1 + rnd.nextInt(6);
                    for (int k = 0; k < n; k++) {
                        u.appendCodePoint(randomCodePoint(rnd));
                    }
                    int at = rnd.nextInt(s.length() + 1);
                    bytes = (s.substring(0, at) + u + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                    log.add("unicode@" + at);
                    break;
                }
                case 7: { // delete or swap lines
                    List<String> lines = new ArrayList<>(s.lines().collect(Collectors.toList()));
                    if (lines.size() < 2) break;
                    int a = rnd.nextInt(lines.size());
                    int b = rnd.nextInt(lines.size());
                    if (rnd.nextBoolean()) {
                        lines.remove(a);
                        log.add("delete-line " + (a + 1));
                    } else {
                        String t = lines.get(a);
                        lines.set(a, lines.get(b));
                        lines.set(b, t);
                        log.add("swap-lines " + (a + 1) + "," + (b + 1));
                    }
                    bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                    break;
                }
                case 8: { // a structural snippet somewhere at a line start
                    List<String> lines = new ArrayList<>(s.lines().collect(Collectors.toList()));
                    int at = rnd.nextInt(lines.size() + 1);
                    String snip = SNIPPETS[rnd.nextInt(SNIPPETS.length)];
                    lines.add(at, snip.endsWith("\n") ? snip.substring(0, snip.length() - 1) : snip);
                    bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                    log.add("snippet@" + (at + 1) + " " + snip.trim());
                    break;
                }
                case 9: { // a string value replaced by an interesting name, idset or condition
                    Matcher m = STRING_LITERAL.matcher(s);
                    List<int[]> spans = new ArrayList<>();
                    while (m.find()) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                    if (spans.isEmpty()) break;
                    int[] sp = spans.get(rnd.nextInt(spans.size()));
                    String v = INTERESTING_STRINGS[rnd.nextInt(INTERESTING_STRINGS.length)];
                    String lit = "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                    bytes = (s.substring(0, sp[0]) + lit + s.substring(sp[1])).getBytes(StandardCharsets.UTF_8);
                    log.add("string->" + lit);
                    break;
                }
                case 10: { // deep nesting (arrays or inline tables)
                    if (rnd.nextInt(4) != 0) break; // keep these rare: they are slow to parse
                    int depth = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 3000);
                    String v = rnd.nextBoolean()
                            ? "[".repeat(depth) + "]".repeat(depth)
                            : "{ a = ".repeat(depth) + "1" + " }".repeat(depth);
                    bytes = replaceValue(s, rnd, v, log).getBytes(StandardCharsets.UTF_8);
                    log.set(log.size() - 1, log.get(log.size() - 1).replaceFirst("->.*", "-> nesting " + depth));
                    break;
                }
                default: { // remove a quote, bracket or equals sign
                    int at = indexOfAny(s, "\"'[]{}=", rnd);
                    if (at < 0) break;
                    bytes = (s.substring(0, at) + s.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
                    log.add("drop-char@" + at);
                }
            }
        }
        return bytes;
    }

    private static String replaceValue(String s, Random rnd, String value, List<String> log) {
        Matcher m = KEY_VALUE.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        if (spans.isEmpty()) {
            log.add("value (no key) -> " + value);
            return s + "\nfuzz = " + value + "\n";
        }
        int[] sp = spans.get(rnd.nextInt(spans.size()));
        log.add("value@" + sp[0] + " -> " + value);
        return s.substring(0, sp[0]) + value + s.substring(sp[1]);
    }

    private static int indexOfAny(String s, String chars, Random rnd) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                at.add(i);
            }
        }
        return at.isEmpty() ? -1 : at.get(rnd.nextInt(at.size()));
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static int randomCodePoint(Random rnd) {
        switch (rnd.nextInt(8)) {
            case 0: return rnd.nextInt(0x20);                    // control characters, NUL included
            case 1: return 0x80 + rnd.nextInt(0x780);            // Latin-1 .. Cyrillic, combining marks
            case 2: return 0x4E00 + rnd.nextInt(0x5000);         // CJK
            case 3: return 0x1F300 + rnd.nextInt(0x300);         // emoji (outside the BMP)
            case 4: return new int[] {0xFEFF, 0x202E, 0x200B, 0x2028, 0xFFFD, 0xFFFF}[rnd.nextInt(6)];
            case 5: return 0xD800 + rnd.nextInt(0x800);          // a lone surrogate: encodes as '?'
            case 6: return 0x10000 + rnd.nextInt(0x100000);      // anywhere in the supplementary planes
            default: return 0x20 + rnd.nextInt(0x5F);            // printable ASCII
        }
    }

    // ---- feeding one input through everything ----

    private static final SetupStepRunner RUN_PRINTS_ITS_SCRIPT = (script, place) -> script.lines().collect(Collectors.toList());

    private static StaticFacts facts(Random rnd, boolean shippedConfig) {
        StaticFacts f = new StaticFacts(Map.of("FUZZ_ENV", "1"));
        f.rank(rnd.nextInt(4));
        if (rnd.nextBoolean()) {
            f.attr("content.backing-module", rnd.nextBoolean() ? "content-files" : "nope");
        }
        if (rnd.nextBoolean()) {
            f.conf("systemd.enable", true);
        }
        if (shippedConfig && rnd.nextInt(4) == 0) {
            f.conf("modules.alternatives.sched", rnd.nextInt(8) != 0 ? "sched-fifo" : "fuzz");
        }
        return f;
    }

    private void feed(Path builtin, Path dropInDir, Path rcFile, StaticFacts facts) {
        // as a modprobe.d drop-in on top of the seed scenario's built-in config
        ModprobeRules config = ModprobeRules.open(new SearchPath(builtin, List.of(dropInDir.toString())), facts, v -> {});
        exercise(config);
        // as an rc file read alone (run FILE), its setup run step printing its own script as directives
        ModprobeRules rc;
        try {
            rc = ModprobeRules.open(new SearchPath(builtin, List.of()), facts, v -> {})
                    .readRcFile(rcFile, RUN_PRINTS_ITS_SCRIPT);
        } catch (ConfigException e) {
            setupStopped++; // a setup step failed (e.g. an unknown directive): allowed
            return;
        }
        List<Unit> units = List.copyOf(rc.table().units());
        if (!units.isEmpty()) {
            rc.disable(units.get(Math.floorMod(rcFile.hashCode() + units.size(), units.size())).getName(), "fuzz");
        }
        exercise(rc);
    }

    private void exercise(ModprobeRules r) {
        StaticChecks.check(r.table(), new ArrayList<>());
        Decisions d;
        try {
            d = r.decide();
        } catch (ConfigException e) {
            return;
        }
        decided++;
        d.alternatives();
        d.runnable();
        Explainer e = new Explainer(d, "fuzz", Map.of());
        for (Unit u : r.table().units()) {
            e.render(e.explain(u.getName()));
            r.moduleArgs().argsFor(u);
        }
        for (String s : List.copyOf(r.table().services())) {
            e.render(e.explain(s));
        }
    }

    @Test
    @Timeout(120)
    void mutatedTomlNeverThrowsAnythingButConfigException() throws IOException {
        List<Seed> seeds = seeds();
        assertTrue(seeds.size() >= 10, "too few seed files: " + seeds.size());
        Random rnd = new Random(SEED);
        Path dropIns = tmp.resolve("d");
        Path dropIn = dropIns.resolve("modprobe.d").resolve("fuzz.toml");
        Path rcFile = tmp.resolve("rc").resolve("fuzz.toml");
        Files.createDirectories(dropIn.getParent());
        Files.createDirectories(rcFile.getParent());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Seed seed = seeds.get(rnd.nextInt(seeds.size()));
            List<String> log = new ArrayList<>();
            byte[] input = mutate(seed.text(), rnd, log);
            Files.write(dropIn, input);
            Files.write(rcFile, input);
            StaticFacts facts = facts(rnd, seed.builtin().equals(Scenario.SHIPPED_BUILTIN));
            try {
                feed(seed.builtin(), dropIns, rcFile, facts);
            } catch (ConfigException e) {
                // allowed: the contract's one error type
            } catch (Throwable t) {
                failures.add(report(i, seed, log, input, t));
                if (failures.size() >= 5) {
                    break;
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " input(s) escaped with something other than ConfigException:\n\n"
                    + String.join("\n\n", failures));
        }
        System.err.println("fuzz: seed " + SEED + ", " + CASES + " inputs, " + setupStopped
                + " stopped by a ConfigException from a setup step, decide() ran " + decided + " times");
        // the mutations must leave enough inputs valid for decide() and the Explainer to be exercised
        assertTrue(decided >= CASES / 6, "decide() ran only " + decided + " times");
    }

    private static String report(int i, Seed seed, List<String> log, byte[] input, Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String stack = sw.toString().lines().limit(12).collect(Collectors.joining("\n"));
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.length() > 1500) {
            text = text.substring(0, 1500) + "\n... (" + input.length + " bytes)";
        }
        return "case " + i + " from " + seed.name() + " mutated by " + log + ":\n" + stack
                + "\n---- input ----\n" + text + "\n---- end ----";
    }
}
