package org.fluxmp.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.exec.TaskEnvironment;
import org.fluxmp.boot.files.StrictModes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, the tool refuses rc and config files, rcN.d directories and task jars that others
 * could have written (StrictModes), unless given --no-strict; and task bodies get a cleaned
 * environment. Runs only as root (as this project's CI does): the checks are off otherwise.
 */
class StrictModesCliTest {
    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void setUp() {
        assumeTrue(StrictModes.forArgs(new String[0]).enforce(), "StrictModes applies only when running as root");
        env = new LinkedHashMap<>();
        env.put("FLUX_MODPROBE_PATH", dir.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    Path write(String name, String text, String perms) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return p;
    }

    CliRun run(String... args) throws IOException {
        Files.writeString(dir.resolve("sim.toml"), "[latency]\ndefault = 0\n");
        List<String> a = new java.util.ArrayList<>(List.of(args));
        a.add("--broker=sim:" + dir.resolve("sim.toml"));
        return CliRun.run(a, env);
    }

    @Test
    void rc1RefusesAGroupWritableDropInNamingItsModeAndOwner() throws IOException {
        Path f = write("rc1.d/x.toml", "[[task]]\nname = \"x\"\nrun = \"true\"\n", "rw-rw-r--");
        CliRun r = run("rc1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains("flux-modprobe: ERROR: " + f + ": refusing a file writable by group or others "
                + "(mode 0664, owner 0:0) while running as root; fix its permissions or use --no-strict"), r.describe());
    }

    @Test
    void rc1RefusesAGroupWritablePythonDropIn() throws IOException {
        Path f = write("rc1.d/site.py", "from flux.modprobe import task\n", "rw-rw-r--");
        CliRun r = run("rc1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains(f + ": refusing a file writable by group or others (mode 0664"), r.describe());
    }

    @Test
    void noStrictReadsTheSameDropIn() throws IOException {
        write("rc1.d/x.toml", "[[task]]\nname = \"x\"\nrun = \"true\"\n", "rw-rw-r--");
        CliRun r = run("rc1", "--no-strict");
        assertEquals(0, r.exit(), r.describe());
    }

    @Test
    void aWorldWritableRcDirectoryIsRefused() throws IOException {
        write("rc1.d/x.toml", "[[task]]\nname = \"x\"\nrun = \"true\"\n", "rw-r--r--");
        Files.setPosixFilePermissions(dir.resolve("rc1.d"), PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRun r = run("rc1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains(dir.resolve("rc1.d") + ": refusing a file writable by group or others (mode 0777"),
                r.describe());
    }

    @Test
    void verifyRefusesAGroupWritableModuleConfigAndAcceptsNoStrict() throws IOException {
        Path f = write("modprobe.d/x.toml", "", "rw-rw-r--");
        CliRun strict = CliRun.run(env, "verify");
        assertEquals(1, strict.exit(), strict.describe());
        assertTrue(strict.out().contains(f + ": refusing a file writable by group or others"), strict.describe());
        CliRun relaxed = CliRun.run(env, "verify", "--no-strict");
        assertEquals(0, relaxed.exit(), relaxed.describe());
    }

    @Test
    void aGroupWritableTaskJarIsRefused() throws IOException {
        Path jar = write("rc1.d/tasks.jar", "", "rw-rw-r--");
        write("rc1.d/x.toml", "[[task]]\nname = \"x\"\nrun = \"true\"\n", "rw-r--r--");
        CliRun r = run("rc1");
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.err().contains(jar + ": refusing a file writable by group or others"), r.describe());
    }

    @Test
    void bodiesDoNotSeeLoaderOrShellStartupVariablesAsRoot() throws IOException {
        env.put("LD_PRELOAD", "/nonexistent/evil.so");
        env.put("BASH_ENV", "/nonexistent/evil.sh");
        env.put("KEPT", "yes");
        write("rc1.d/x.toml", "[[task]]\nname = \"x\"\nrun = \"env > " + dir.resolve("env.txt") + "\"\n", "rw-r--r--");
        CliRun r = run("rc1");
        assertEquals(0, r.exit(), r.describe());
        String seen = Files.readString(dir.resolve("env.txt"));
        assertTrue(seen.contains("KEPT=yes"), seen);
        assertTrue(!seen.contains("LD_PRELOAD") && !seen.contains("BASH_ENV"), seen);
    }

    @Test
    void relativePathEntriesAreDroppedAsRoot() {
        Map<String, String> out = TaskEnvironment.of(Map.of("PATH", ".:bin:/usr/bin::/bin"), new StrictModes(true, 0));
        assertEquals("/usr/bin:/bin", out.get("PATH"));
    }

    @Test
    void aPathWithNoAbsoluteEntryBecomesTheSafeDefault() {
        Map<String, String> out = TaskEnvironment.of(Map.of("PATH", "."), new StrictModes(true, 0));
        assertEquals(TaskEnvironment.SAFE_PATH, out.get("PATH"));
    }

    @Test
    void notAsRootBodiesGetTheToolsEnvironmentAsItIs() {
        Map<String, String> in = Map.of("PATH", ".", "LD_PRELOAD", "x.so");
        assertEquals(in, TaskEnvironment.of(in, StrictModes.OFF));
    }
}
