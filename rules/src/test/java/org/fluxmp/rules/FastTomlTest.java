package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** The fast reader against tomlj as the oracle: same values and positions, or it leaves the file to tomlj. */
class FastTomlTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** Fails unless FAST is null or agrees with tomlj's parse of TEXT, which then has no errors. */
    private static boolean agrees(String what, String text) {
        TomlParseResult fast = FastToml.parse(text);
        TomlParseResult oracle;
        try {
            oracle = Toml.parse(text);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // (tomlj's own asserts fail on some bad input when tests run with -ea)
            assertNull(fast, what + ": tomlj throws, the fast reader must leave it to tomlj");
            return false;
        }
        if (fast == null) {
            return false;
        }
        assertTrue(oracle.errors().isEmpty(), what + ": the fast reader accepted what tomlj rejects: " + oracle.errors());
        same(what, oracle, fast);
        return true;
    }

    private static void same(String where, TomlTable expected, TomlTable actual) {
        assertEquals(new HashSet<>(expected.keySet()), new HashSet<>(actual.keySet()), where);
        for (String k : expected.keySet()) {
            String at = where + "." + k;
            assertEquals(expected.inputPositionOf(List.of(k)), actual.inputPositionOf(List.of(k)), at + " position");
            same(at, expected.get(List.of(k)), actual.get(List.of(k)));
        }
    }

    private static void same(String where, Object expected, Object actual) {
        if (expected instanceof TomlTable e) {
            assertTrue(actual instanceof TomlTable, where);
            same(where, e, (TomlTable) actual);
        } else if (expected instanceof TomlArray e) {
            assertTrue(actual instanceof TomlArray, where);
            TomlArray a = (TomlArray) actual;
            assertEquals(e.size(), a.size(), where);
            for (int i = 0; i < e.size(); i++) {
                same(where + "[" + i + "]", e.get(i), a.get(i));
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    @Test
    void everyTomlFileOfTheProjectReadsAsTomljReadsIt() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"etc", "testdata", "rules/src/test/resources", "bench"}) {
            Path d = ROOT.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(p -> p.toString().endsWith(".toml")).forEach(files::add);
                }
            }
        }
        int fast = 0;
        for (Path f : files) {
            if (agrees(f.toString(), Files.readString(f, StandardCharsets.UTF_8))) {
                fast++;
            }
        }
        assertTrue(files.size() > 50, "found " + files.size() + " files");
        assertTrue(fast * 10 >= files.size() * 8, "the fast reader took " + fast + " of " + files.size() + " files");
    }

    @Test
    void theSyntaxConfigurationsUseReadsAlike() {
        String doc = String.join("\n",
                "# comment", "top = 1", "\"quoted key\" = 'lit'", "a.b.c = \"dotted\"", "a . d = true",
                "[setup]", "load = [\"content\", \"heartbeat\",]  # trailing comma",
                "setopt = { kvs = \"checkpoint-period=10m\", \"x.y\" = 'z' }",
                "run = \"\"\"", "echo \\\"hi\\\" \\", "   there", "done\"\"\"",
                "lit = '''", "C:\\path", "'''",
                "[[setup.when]]", "needs-env = [\"!FLUX_SCHED_MODULE=none\"]",
                "[[setup.when]]", "load = []",
                "[[task]]", "name = \"t\\u00e9\"", "priority = -1_000", "[task.payload]", "x = [[1, 2], [3]]",
                "[[task]]", "name = 'two'", "nested = { a = { b = 1 } }", "");
        assertTrue(agrees("sample", doc));
    }

    @Test
    void whatItDoesNotReadIsLeftToTomlj() {
        for (String doc : new String[] {"x = 1.5", "x = 0x10", "d = 1979-05-27", "x = inf", "a = [1, \"b\"]",
                "x = 1\nx = 2", "[a]\n[a]", "a.b = 1\n[a]", "x = \"unterminated", "x = 01", "[[a]]\n[a]",
                "t = {a = 1,}", "k = \"\\q\"", "a = 1 b = 2", "= 1", "[a.b]\n[a]"}) {
            assertNull(FastToml.parse(doc), doc);
            agrees(doc, doc);
        }
    }

    /** Random documents made of the supported syntax, and random damage to them. */
    @Test
    void randomDocumentsReadAsTomljReadsThem() {
        Random r = new Random(5);
        int fast = 0;
        for (int k = 0; k < 3000; k++) {
            String doc = randomDocument(r);
            if (k % 3 == 0) {
                StringBuilder sb = new StringBuilder(doc);
                for (int m = 1 + r.nextInt(3); m > 0 && sb.length() > 0; m--) {
                    int at = r.nextInt(sb.length());
                    String junk = "[]{}=,.\"'#\n \\x1_";
                    if (r.nextBoolean()) {
                        sb.deleteCharAt(at);
                    } else {
                        sb.insert(at, junk.charAt(r.nextInt(junk.length())));
                    }
                }
                doc = sb.toString();
            }
            try {
                if (agrees("doc " + k, doc)) {
                    fast++;
                }
            } catch (AssertionError e) {
                fail("document " + k + ":\n" + doc + "\n" + e.getMessage(), e);
            }
        }
        assertTrue(fast > 1000, "the fast reader took " + fast + " documents");
    }

    private static final String[] KEYS = {"name", "ranks", "run", "a-b", "x_1", "\"q k\"", "'lit'", "c.d", "e . f"};

    private static String randomDocument(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(4); n > 0; n--) {
            keyValue(sb, r);
        }
        for (int t = r.nextInt(5); t > 0; t--) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append("[[task]]\n");
                case 1 -> sb.append("[[setup.when]]\n");
                case 2 -> sb.append("[tab").append(r.nextInt(3)).append("]\n");
                default -> sb.append("[ tab").append(r.nextInt(3)).append(" . sub ]  # c\n");
            }
            for (int n = r.nextInt(4); n > 0; n--) {
                keyValue(sb, r);
            }
        }
        return sb.toString();
    }

    private static void keyValue(StringBuilder sb, Random r) {
        sb.append(r.nextBoolean() ? "" : "  ").append(KEYS[r.nextInt(KEYS.length)]).append(" = ");
        value(sb, r, 0);
        sb.append(r.nextInt(4) == 0 ? " # note" : "").append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        if (r.nextInt(4) == 0) {
            sb.append("\n");
        }
    }

    private static void value(StringBuilder sb, Random r, int depth) {
        switch (r.nextInt(depth > 1 ? 6 : 9)) {
            case 0 -> sb.append('"').append(r.nextBoolean() ? "plain é" : "tab\\t \\\"q\\\" \\u00e9").append('"');
            case 1 -> sb.append("'lit \\n'");
            case 2 -> sb.append("\"\"\"\nline1\n  line2 \\\n   joined\"\"\"");
            case 3 -> sb.append("'''\nraw \\ \"\" ''x'''");
            case 4 -> sb.append(r.nextInt(2000) - 1000);
            case 5 -> sb.append(r.nextBoolean());
            case 6 -> {
                sb.append('[');
                int n = r.nextInt(4);
                int kind = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(r.nextBoolean() ? "\n  " : " ");
                    if (kind == 0) {
                        sb.append('"').append(i).append('"');
                    } else if (kind == 1) {
                        sb.append(i);
                    } else {
                        sb.append("[\"x\"]");
                    }
                }
                sb.append(r.nextBoolean() ? ",\n]" : "]");
            }
            default -> {
                sb.append('{');
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? " " : ", ").append("k").append(i).append(" = ");
                    value(sb, r, depth + 1);
                }
                sb.append(" }");
            }
        }
    }
}
