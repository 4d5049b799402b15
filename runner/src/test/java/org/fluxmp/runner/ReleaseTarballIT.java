package org.fluxmp.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball as an admin meets it (run by failsafe after {@code package}): unpacked in a
 * temporary directory outside the checkout, made read-only, run from there with an empty HOME,
 * no Maven and only the built-in configuration. After every command the tree must be exactly as
 * unpacked. Each command and what it printed goes to stdout, for the record.
 */
class ReleaseTarballIT {
    private static final String VERSION = System.getProperty("dist.version");
    private static final Path TARBALL = Path.of(System.getProperty("dist.tarball"));
    private static final Path CHECKOUT = Path.of(System.getProperty("dist.checkout"));

    @TempDir static Path tmp;
    static Path prefix;
    static Path home;
    static String unpacked;

    /** What a command printed on stdout and stderr, and its exit status. */
    record Ran(String output, String err, int exit) {
        String both() {
            return output + err;
        }
    }

    @BeforeAll
    static void unpack() throws Exception {
        assertTrue(!tmp.toRealPath().startsWith(CHECKOUT.toRealPath()), "unpack outside the checkout");
        exec(Map.of(), tmp, "tar", "xzf", TARBALL.toString());
        prefix = tmp.resolve("flux-modprobe-" + VERSION);
        exec(Map.of(), tmp, "chmod", "-R", "a-w", prefix.toString());
        home = Files.createDirectory(tmp.resolve("home"));
        Files.createDirectory(tmp.resolve("no-drop-ins"));
        unpacked = listing(prefix);
    }

    @AfterAll
    static void writableAgainForCleanUp() throws Exception {
        exec(Map.of(), tmp, "chmod", "-R", "u+w", prefix.toString());
    }

    /**
     * The environment of a login with nothing of the build: an empty HOME, no drop-ins, a plain
     * PATH, and the build's JDK only where the launcher would look last (on PATH, after JAVA_HOME
     * and a JDK 25 under /usr/lib/jvm).
     */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin:" + Path.of(System.getProperty("java.home"), "bin"));
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("FLUX_MODPROBE_PATH", tmp.resolve("no-drop-ins").toString());
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        return env;
    }

    /** Runs ARGV in the temporary directory, prints it and its output, and checks the tree is untouched. */
    private static Ran run(Map<String, String> extraEnv, String... argv) throws Exception {
        Map<String, String> env = env();
        env.putAll(extraEnv);
        Ran r = exec(env, tmp, argv);
        String shown = extraEnv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + " ").sorted().collect(Collectors.joining())
                + String.join(" ", argv);
        System.out.println("$ " + shown.replace(tmp.toString(), "$TMP") + "\n" + abbreviated(r.output)
                + (r.err.isEmpty() ? "" : "[stderr]\n" + abbreviated(r.err)) + (r.exit == 0 ? "" : "[exit " + r.exit + "]\n"));
        assertEquals(unpacked, listing(prefix), "the command wrote inside the installed tree: " + String.join(" ", argv));
        return r;
    }

    private static Ran run(String... argv) throws Exception {
        return run(Map.of(), argv);
    }

    private static String tool() {
        return prefix.resolve("bin/flux-modprobe").toString();
    }

    private static Ran exec(Map<String, String> env, Path dir, String... argv) throws IOException, InterruptedException {
        Path err = Files.createTempFile("stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectError(err.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Ran(out, errText, exit);
    }

    /** Every path in the tree with its size and modification time. */
    private static String listing(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().map(p -> {
                try {
                    return root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return root.relativize(p) + " ?";
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    private static String abbreviated(String out) {
        List<String> lines = out.lines().collect(Collectors.toList());
        return lines.size() <= 12 ? out : String.join("\n", lines.subList(0, 10)) + "\n  ... (" + (lines.size() - 10) + " more lines)\n";
    }

    /** The commit the checkout is at, as the build stamps it, or "unknown" outside a git checkout. */
    private static String checkoutCommit() throws Exception {
        Ran r = exec(Map.of(), CHECKOUT, "git", "rev-parse", "--short=7", "HEAD");
        return r.exit == 0 ? r.output.trim() : "unknown";
    }

    @Test
    void versionNamesTheVersionTheCommitItWasBuiltFromAndTheJdk() throws Exception {
        Ran r = run(tool(), "--version");
        assertEquals(0, r.exit, r.both());
        Matcher m = Pattern.compile("flux-modprobe (\\S+) \\(commit (\\S+?)(-dirty)?, built \\d{4}-\\d\\d-\\d\\d\\) on JDK (\\d[\\w.+-]*) \\(.+\\)\n")
                .matcher(r.output);
        assertTrue(m.matches(), r.output);
        assertEquals(VERSION, m.group(1));
        assertEquals(checkoutCommit(), m.group(2));
    }

    @Test
    void helpListsEveryCommandOnALineOfItsOwn() throws Exception {
        Ran r = run(tool(), "--help");
        assertEquals(0, r.exit, r.both());
        for (String command : List.of("rc1", "rc3", "show", "explain", "verify", "solve", "compile")) {
            assertTrue(Pattern.compile("(?m)^  " + command + " +[A-Z][^\n]*\\.$").matcher(r.output).find(), command + " in\n" + r.output);
        }
    }

    @Test
    void showSchedPrintsTheSchedulerModuleAsJson() throws Exception {
        Ran r = run(tool(), "show", "sched");
        assertEquals(0, r.exit, r.both());
        assertTrue(r.output.startsWith("{\"name\": \"sched-simple\", \"module\": \"sched-simple\""), r.output);
    }

    @Test
    void rc1OnTheSimulatedBrokerSaysWhatItDid() throws Exception {
        Ran r = run(tool(), "rc1");
        assertEquals(0, r.exit, r.both());
        assertTrue(r.err.matches("flux-modprobe: rc1 on the simulated broker \\(rank 0\\): loaded 13 modules, ran 5 tasks in \\d+ ms; .*\n"),
                r.both());
    }

    @Test
    void rc1LoadsTheModulesAndRc3RemovesThem() throws Exception {
        Path state = tmp.resolve("state.json");
        Path sim = Files.writeString(tmp.resolve("sim.toml"), "state = \"" + state + "\"\n");
        assertEquals(0, run(tool(), "rc1", "--broker=sim:" + sim).exit);
        String loaded = Files.readString(state);
        assertTrue(loaded.contains("\"sched-simple\"") && loaded.split(",").length == 13, loaded);
        assertEquals(0, run(tool(), "rc3", "--broker=sim:" + sim).exit);
        assertEquals("{\"loaded\": []}", Files.readString(state).trim());
    }

    @Test
    void aPythonDropInRunsThroughTheTreesBridge() throws Exception {
        Path dropIns = Files.createDirectories(tmp.resolve("python-drop-ins/rc1.d"));
        Files.copy(CHECKOUT.resolve("testdata/python/site.py"), dropIns.resolve("site.py"));
        Ran r = run(Map.of("FLUX_MODPROBE_PATH", dropIns.getParent().toString()), tool(), "rc1");
        assertEquals(0, r.exit, r.both());
        assertTrue(r.output.contains("hello from python on rank 0\n"), r.both());
        assertTrue(Files.notExists(dropIns.resolve("__pycache__")), "no bytecode written next to a drop-in");
    }

    @Test
    void fluxFindsTheToolThroughLibexecFluxCmd() throws Exception {
        Ran r = run(prefix.resolve("libexec/flux/cmd/flux-modprobe").toString(), "rc1", "--dry-run");
        assertEquals(0, r.exit, r.both());
        assertTrue(r.output.startsWith("load content\n") && r.output.contains("\nload sched-simple\n"), r.output);
    }

    @Test
    void everyManPageRendersItsNameSection() throws Exception {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(prefix.resolve("share/man/man1"))) {
            s.forEach(pages::add);
        }
        assertTrue(!pages.isEmpty(), "no man page in share/man/man1");
        for (Path page : pages) {
            Ran r = run(Map.of("MANPAGER", "cat", "MANWIDTH", "80"), "man", "-l", page.toString());
            assertEquals(0, r.exit, "man -l " + page + " (.ci/run installs groff and man-db):\n" + r.both());
            assertTrue(r.output.matches("(?s).*NAME\n +flux-modprobe.* - .*"), r.output);
        }
    }

    @Test
    void bashCompletesSubcommandsFromTheirFirstLetter() throws Exception {
        String script = "source \"$1\"; spec=$(complete -p flux-modprobe); f=${spec#*-F }; f=${f%% *}; "
                + "COMP_WORDS=(flux-modprobe s); COMP_CWORD=1; COMP_LINE='flux-modprobe s'; COMP_POINT=${#COMP_LINE}; "
                + "\"$f\" flux-modprobe s flux-modprobe; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Ran r = run("bash", "-c", script, "complete", prefix.resolve("share/bash-completion/completions/flux-modprobe").toString());
        assertEquals(0, r.exit, r.both());
        assertEquals("show\nsolve\n", r.output);
    }

    @Test
    void archivesGoToTheUsersCacheWhenTheTreeIsReadOnly() throws Exception {
        assertEquals(0, run(tool(), "show", "kvs").exit);
        try (Stream<Path> s = Files.walk(home.resolve(".cache/flux-modprobe/jvm"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("flux-modprobe.launch")),
                    "no flux-modprobe.launch under $HOME/.cache/flux-modprobe/jvm");
        }
    }

    @Test
    void aHomeThatCannotBeWrittenStillRuns() throws Exception {
        Ran r = run(Map.of("HOME", "/dev/null"), tool(), "rc1", "--dry-run");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.output.startsWith("load content\n"), r.output);
        assertTrue(r.err.startsWith("flux-modprobe: warning: cannot store plan in /dev/null/.cache/flux-modprobe"), r.err);
    }
}
