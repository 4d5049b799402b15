package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python drop-ins read through the bridge (SPEC 10): their tasks and setup join the plan like TOML ones. */
class PythonDropInTest {
    static final Path PYTHON = Scenario.TESTDATA.resolve("python").toAbsolutePath().normalize();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    final UnitTable table = new UnitTable();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));

    @BeforeAll
    static void pythonIsHere() {
        assumeTrue(Path.of("/usr/bin/python3").toFile().canExecute() || System.getenv("PATH").contains("python"),
                "skipped: no python3 on this machine");
    }

    RcFile read(String name) {
        return PythonDropIn.read(PYTHON.resolve(name), PythonBridge.of(HOME, env), table, problems);
    }

    @Test
    void eachDecoratedFunctionIsATaskDefinedAtItsDecorator() {
        RcFile rc = read("site.py");
        assertEquals(List.of(), problems);
        assertEquals(List.of("site-hello", "site-later"), rc.tasks());
        assertEquals(PYTHON.resolve("site.py") + ":10", table.unit("site-hello").get().getDefinedAt().toString());
    }

    @Test
    void theKeywordsBecomeTheTaskKeys() {
        read("site.py");
        Unit u = table.unit("site-hello").get();
        assertEquals("0", u.getRanks().toString());
        assertEquals(List.of("kvs"), u.getAfter());
        assertEquals(List.of("!broker.recovery-mode"), u.getNeedsAttrs());
    }

    @Test
    void theBodyRunsTheFunctionThroughTheBridge() {
        read("site.py");
        Body b = table.unit("site-later").get().getBody();
        assertEquals(Body.Kind.PYTHON, b.kind());
        assertEquals(List.of(HOME.resolve("libexec/flux-modprobe/python/bridge").toString(), "run",
                PYTHON.resolve("site.py").toString(), "later"), List.of(b.text().split("\n")));
    }

    @Test
    void setupBecomesASetupStepThatRunsItThroughTheBridge() {
        RcFile rc = read("site.py");
        assertEquals(1, rc.setup().size());
        assertTrue(rc.setup().get(0).run().contains("' setup '" + PYTHON.resolve("site.py") + "'"), rc.setup().get(0).run());
        assertEquals(5, rc.setup().get(0).place().line(), "the line of def setup");
    }

    @Test
    void aFileThatDoesNotParseIsAProblemAtItsLine() {
        read("syntax-error.py");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(PYTHON.resolve("syntax-error.py") + ":5", problems.get(0).file() + ":" + problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("SyntaxError: "), problems.get(0).message());
    }

    @Test
    void aFailedImportIsAProblemAtItsLine() {
        read("missing-import.py");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(2, problems.get(0).line());
        assertEquals("ModuleNotFoundError: No module named 'no_such_site_module'", problems.get(0).message());
    }

    @Test
    void anUnknownKeywordIsReportedAsWrittenWithAHint() {
        read("misspelled.py");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(4, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("site-check: unknown task argument needs_atrs"),
                problems.get(0).message());
    }

    @Test
    void aKeywordStringReachesTheTaskAsWritten() {
        String tricky = "a\"b\\c\nd\te\u007f\u0001 é ✓";
        assertEquals(tricky, org.tomlj.Toml.parse("v = " + PythonDropIn.tomlString(tricky)).getString("v"));
    }

    @Test
    void withNoPythonTheProblemSaysWhatToInstallOrSet() throws Exception {
        env.put("PATH", Files.createDirectories(dir.resolve("empty-bin")).toString());
        read("site.py");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("FLUX_MODPROBE_PYTHON"), problems.get(0).message());
    }

    @Test
    void fluxModprobePythonNamesTheInterpreter() throws Exception {
        Path log = dir.resolve("python.log");
        Path python = dir.resolve("my-python");
        Files.writeString(python, "#!/bin/bash\necho \"$@\" >>" + log + "\nexec python3 \"$@\"\n");
        python.toFile().setExecutable(true);
        env.put("FLUX_MODPROBE_PYTHON", python.toString());
        read("failing.py");
        assertEquals(List.of(), problems);
        assertTrue(Files.readString(log).contains("bridge.py describe " + PYTHON.resolve("failing.py")));
    }
}
