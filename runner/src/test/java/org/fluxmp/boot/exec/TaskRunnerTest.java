package org.fluxmp.boot.exec;

import static org.fluxmp.boot.exec.Plans.bash;
import static org.fluxmp.boot.exec.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task bodies (SPEC 3): run with its environment and directives, rpc, java, and module arguments. */
class TaskRunnerTest {
    @TempDir
    Path dir;

    final FakeBroker broker = new FakeBroker();
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    final Plan emptyPlan = plan(1);
    final RunState state = new RunState(emptyPlan, System.getenv());
    final StaticFacts facts = new StaticFacts(System.getenv()).attr("color", "blue");

    TaskRunner runner(ClassLoader loader) {
        return new TaskRunner(broker, state, 3, out, err, loader, facts, false);
    }

    TaskRunner runner() {
        return runner(getClass().getClassLoader());
    }

    static PlanTask.ModuleStep module(String name, List<String> args) {
        return Plans.module(name, args);
    }

    @Test
    void aRunBodySeesItsRankNameAndOutputFile() throws Exception {
        Path f = dir.resolve("env");
        runner().run(bash("probe", "echo \"$FLUX_MODPROBE_RANK $FLUX_MODPROBE_TASK\" >" + f
                + "; [ -w \"$FLUX_MODPROBE_OUTPUT\" ] && echo writable >>" + f, 0));
        assertEquals("3 probe\nwritable\n", Files.readString(f));
    }

    @Test
    void directivesApplyAfterTheScriptExitsZero() throws Exception {
        runner().run(bash("t", "{ echo 'set my-key.x=hello world'; echo 'setopt kvs a b';"
                + " echo 'setenv FOO=bar'; } >>\"$FLUX_MODPROBE_OUTPUT\"", 0));
        assertEquals("hello world", state.data().get("my-key.x"));
        assertEquals("hello world", state.processEnv().get("FLUX_MODPROBE_DATA_MY_KEY_X"));
        assertEquals("bar", state.processEnv().get("FOO"));
        assertEquals(List.of(Map.of("FOO", "bar")), broker.setenvs, "setenv also goes to the broker");
        assertEquals(List.of("x", "a", "b"), state.argsFor(module("kvs", List.of("x"))));
    }

    @Test
    void aLaterTaskSeesDataAsEnvironment() throws Exception {
        Path f = dir.resolve("seen");
        runner().run(bash("first", "echo 'set dump_restored=1' >>\"$FLUX_MODPROBE_OUTPUT\"", 0));
        runner().run(bash("second", "echo \"$FLUX_MODPROBE_DATA_DUMP_RESTORED\" >" + f, 0));
        assertEquals("1\n", Files.readString(f));
    }

    @Test
    void aFailingScriptFailsWithItsExitStatusAndItsDirectivesAreDropped() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner().run(
                bash("t", "echo 'set k=v' >>\"$FLUX_MODPROBE_OUTPUT\"; exit 3", 0)));
        assertEquals("bash: exited with exit status 3", f.getMessage());
        assertFalse(state.data().containsKey("k"));
    }

    @Test
    void anUnknownDirectiveFailsNamingIt() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner().run(
                bash("t", "echo 'frobnicate the widget' >>\"$FLUX_MODPROBE_OUTPUT\"", 0)));
        assertTrue(f.getMessage().contains("frobnicate the widget"), f.getMessage());
    }

    @Test
    void aSetupOnlyDirectiveFromATaskFailsNamingIt() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner().run(
                bash("t", "echo 'load kvs' >>\"$FLUX_MODPROBE_OUTPUT\"", 0)));
        assertTrue(f.getMessage().contains("'load kvs'") && f.getMessage().contains("only in setup"), f.getMessage());
    }

    @Test
    void moduleArgumentsReachTheBrokerAsSeparateWordsWithoutAShell() throws Exception {
        List<String> args = List.of("a b", "$(touch " + dir.resolve("pwned") + ")", "*", "x=\"y\"");
        runner().run(module("m", args));
        assertEquals(args, broker.loadArgs.get("m"));
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void anRpcBodySendsItsTopicAndPayload() throws Exception {
        runner().run(Plans.rpc("push-cleanup", "runat.push", 0));
        assertEquals(Map.of("k", "v"), broker.rpcPayloads.get("runat.push"));
    }

    @Test
    void aJavaTaskThatThrowsFailsWithTheExceptionsMessage() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner().run(Plans.java("next", FailingJavaTask.class, 0)));
        assertEquals("test exception", f.getMessage());
    }

    @Test
    void aMissingJavaTaskClassIsNamed() {
        PlanTask t = Plans.java("t", "no.such.Task");
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner().run(t));
        assertTrue(f.getMessage().contains("no class no.such.Task"), f.getMessage());
    }

    @Test
    void aJavaTaskRunsProgramsWithoutAShellAndSeesAttributes() throws Exception {
        runner().run(Plans.java("t", ExecJavaTask.class, 0));
        assertEquals("$(echo hi) *|blue\n", outBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aJavaTaskComesFromAJarInAnRcDirectory() throws Exception {
        Path rcd = dir.resolve("rc1.d");
        Files.createDirectories(rcd);
        compileJar(rcd.resolve("site.jar"), "site.Hello", "package site;\n"
                + "public class Hello implements org.fluxmp.boot.exec.JavaTask {\n"
                + "  public void run(Context c) throws Exception {\n"
                + "    c.set(\"greeting\", \"hello from \" + c.task());\n"
                + "    c.setenv(\"SITE\", \"yes\");\n"
                + "  }\n"
                + "}\n");
        PlanTask t = Plans.java("hello", "site.Hello");
        runner(TaskClasses.loader(List.of(rcd), getClass().getClassLoader(), org.fluxmp.boot.files.StrictModes.OFF)).run(t);
        assertEquals("hello from hello", state.data().get("greeting"));
        assertEquals(List.of(Map.of("SITE", "yes")), broker.setenvs);
    }

    /** Compiles SOURCE (class NAME) against the test class path into a jar at JAR. */
    private void compileJar(Path jar, String name, String source) throws Exception {
        Path src = dir.resolve("src").resolve(name.replace('.', '/') + ".java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, OutputStream.nullOutputStream(), System.err, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "javac");
        String entry = name.replace('.', '/') + ".class";
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry(entry));
            j.write(Files.readAllBytes(classes.resolve(entry)));
            j.closeEntry();
        }
    }
}
