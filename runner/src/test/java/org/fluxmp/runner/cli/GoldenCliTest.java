package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests of the whole CLI, run in-process: one dynamic test per directory under
 * {@code testdata/cli/}. See {@code testdata/cli/README.md} for the layout of a case and for
 * {@code -Dgolden.update=true}, which rewrites the expected files from the actual output.
 */
class GoldenCliTest {
    static final String CASE_TOKEN = "@CASE@";
    static final String HOME_TOKEN = "@HOME@";
    static final String MS_TOKEN = "@MS@";

    static Path casesDir() {
        return CliRun.home().resolve("testdata").resolve("cli");
    }

    /**
     * {@code -Dgolden.update}: unset/false compares; {@code true} (or empty) rewrites every case's
     * expected files; anything else is a comma list of case names to rewrite (the others compare).
     */
    static boolean updating(String caseName) {
        String v = System.getProperty("golden.update");
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.isEmpty() || v.equalsIgnoreCase("true")) {
            return true;
        }
        Set<String> names = Arrays.stream(v.split(",")).map(String::trim).collect(Collectors.toSet());
        return names.contains(caseName);
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        Path dir = casesDir();
        assertTrue(Files.isDirectory(dir), "no golden case directory " + dir);
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        assertFalse(cases.isEmpty(), "no golden cases in " + dir);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), c.toUri(), () -> runCase(c)));
    }

    static void runCase(Path caseDir) throws IOException {
        Path abs = caseDir.toAbsolutePath().normalize();
        String caseName = abs.getFileName().toString();
        Path argsFile = abs.resolve("args");
        assertTrue(Files.isRegularFile(argsFile), caseName + ": missing 'args' file (one argument per line)");

        List<String> args = new ArrayList<>();
        for (String line : lines(argsFile)) {
            args.add(line.replace(CASE_TOKEN, abs.toString()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FLUX_MODPROBE_PATH", abs.toString());
        Path envFile = abs.resolve("env");
        if (Files.isRegularFile(envFile)) {
            for (String line : lines(envFile)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                assertTrue(eq > 0, caseName + ": env line is not KEY=VALUE: " + line);
                env.put(line.substring(0, eq), line.substring(eq + 1).replace(CASE_TOKEN, abs.toString()));
            }
        }

        CliRun run = CliRun.run(args, env);
        String out = normalise(run.out(), abs);
        String err = normalise(run.err(), abs);
        String exit = run.exit() + "\n";

        Path expOut = abs.resolve("expected.out");
        Path expErr = abs.resolve("expected.err");
        Path expExit = abs.resolve("expected.exit");
        if (updating(caseName)) {
            write(expOut, out);
            write(expErr, err);
            write(expExit, exit);
            return;
        }
        assertTrue(Files.isRegularFile(expExit), caseName + ": no expected.exit; run once with -Dgolden.update="
                + caseName + " and review the files it writes\n" + run.describe());
        String wantOut = read(expOut);
        String wantErr = read(expErr);
        String wantExit = read(expExit).strip() + "\n";
        assertAll(caseName,
                () -> assertEquals(wantExit, exit, caseName + ": exit status\n" + run.describe()),
                () -> assertEquals(wantOut, out, caseName + ": stdout (expected.out)"),
                () -> assertEquals(wantErr, err, caseName + ": stderr (expected.err)"));
    }

    /**
     * The case directory becomes @CASE@ and the tool's home @HOME@ (the case dir lies inside home);
     * the time {@code solve} took, which varies from run to run, becomes @MS@.
     */
    static String normalise(String s, Path caseDir) {
        return s.replace(caseDir.toString(), CASE_TOKEN).replace(CliRun.home().toString(), HOME_TOKEN)
                .replaceAll("(\"solve_ms\": |solved in )[0-9.]+", "$1" + MS_TOKEN);
    }

    /** The file's lines; the newline ending the last line does not start another. */
    static List<String> lines(Path file) throws IOException {
        String text = read(file);
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return Arrays.asList(text.split("\n", -1));
    }

    /** A missing expected.out / expected.err means: nothing printed. */
    static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
