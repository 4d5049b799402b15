package org.fluxmp.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's limits on the production sources of boot, rules, solver and runner: no class over
 * 300 lines, no method over 60 (from its signature to its closing brace).
 */
class SourceLimitsTest {
    static final int MAX_CLASS_LINES = 300;
    static final int MAX_METHOD_LINES = 60;

    /** A method or constructor signature that opens a body: modifiers, a type, a name, a parameter list. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "^\\s*(?:(?:public|private|protected|static|final|synchronized|abstract|default|native)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\],? ]+\\s+(\\w+)\\s*\\([^;]*$");
    private static final Pattern NOT_A_METHOD = Pattern.compile(
            "\\b(record|class|interface|enum|new|return|else|throw)\\b|^\\s*(if|for|while|switch|catch|case)\\b");

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : List.of("boot", "rules", "solver", "runner")) {
            Path dir = Path.of("..", module, "src", "main", "java");
            assertTrue(Files.isDirectory(dir), dir.toAbsolutePath() + ": tests run in the module directory");
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void noProductionClassIsOver300Lines() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path p : sources()) {
            int n = Files.readAllLines(p).size();
            if (n > MAX_CLASS_LINES) {
                over.add(p + ": " + n + " lines");
            }
        }
        assertEquals(List.of(), over);
    }

    @Test
    void noProductionMethodIsOver60Lines() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path p : sources()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SIGNATURE.matcher(lines.get(i));
                if (m.matches() && !NOT_A_METHOD.matcher(lines.get(i)).find()) {
                    int length = bodyLength(lines, i);
                    if (length > MAX_METHOD_LINES) {
                        over.add(p + ":" + (i + 1) + ": " + m.group(1) + " is " + length + " lines");
                    }
                }
            }
        }
        assertEquals(List.of(), over);
    }

    @Test
    void aLongMethodIsCounted() {
        List<String> lines = new ArrayList<>(List.of("    void f() {"));
        for (int i = 0; i < 70; i++) {
            lines.add("        x(\"}\"); // }");
        }
        lines.add("    }");
        assertTrue(SIGNATURE.matcher(lines.get(0)).matches());
        assertEquals(72, bodyLength(lines, 0));
    }

    /** Lines from the signature at START to the brace that closes its body; 0 for a declaration without one. */
    static int bodyLength(List<String> lines, int start) {
        int depth = 0;
        boolean opened = false;
        for (int j = start; j < lines.size(); j++) {
            String code = lines.get(j).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                    .replaceAll("'(\\\\.|[^'\\\\])*'", "''").replaceAll("//.*", "");
            if (!opened && code.contains(";") && !code.contains("{")) {
                return 0;
            }
            for (char c : code.toCharArray()) {
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                }
            }
            if (opened && depth <= 0) {
                return j - start + 1;
            }
        }
        return 0;
    }
}
