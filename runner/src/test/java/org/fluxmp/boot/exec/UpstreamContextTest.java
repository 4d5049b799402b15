package org.fluxmp.boot.exec;

import static org.fluxmp.boot.exec.Plans.bash;
import static org.fluxmp.boot.exec.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.plan.PlanTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What task bodies get as the original's context gives it (SPEC 3): the broker's environment for
 * the variables their conditions named, signals reported as such, setopt-overwrite and unsetenv
 * from tasks, and a Java context with getenv's broker fallback, confGet, getopts and verbose.
 */
class UpstreamContextTest {
    @TempDir
    Path dir;

    final FakeBroker broker = new FakeBroker();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    final Map<String, String> toolEnv = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", "/nonexistent"));
    /** A broker started under Slurm: its environment has SLURM_JOB_ID, rc1's does not. */
    final StaticFacts facts = new StaticFacts(toolEnv).brokerEnv("SLURM_JOB_ID", "1234")
            .brokerEnv("SLURM_NODELIST", "node[1-4]").conf("fake-resources.nnodes", 4L);
    final PlanTask.ModuleStep resource = Plans.module("resource", List.of("monitor-force-up"));
    final RunState state = new RunState(plan(1, resource), toolEnv);

    TaskRunner runner(boolean verbose) {
        return new TaskRunner(broker, state, 0, out, err, getClass().getClassLoader(), facts, verbose);
    }

    /** A run body that writes what it sees of VARIABLE to a file, its task naming ENV in its conditions. */
    private String seenByBody(String variable, List<String> env) throws Exception {
        Path f = dir.resolve("seen");
        PlanTask t = Plans.bash("probe", "echo \"${" + variable + "-unset}\" >" + f, env);
        runner(false).run(t);
        return Files.readString(f).strip();
    }

    @Test
    void aRunBodySeesAVariableItsConditionsNamedFromTheBrokersEnvironment() throws Exception {
        assertEquals("1234", seenByBody("SLURM_JOB_ID", List.of("SLURM_JOB_ID")));
    }

    @Test
    void theToolsOwnValueWinsOverTheBrokers() throws Exception {
        toolEnv.put("SLURM_JOB_ID", "42");
        RunState own = new RunState(plan(1), toolEnv);
        Path f = dir.resolve("seen");
        PlanTask t = Plans.bash("probe", "echo \"$SLURM_JOB_ID\" >" + f, List.of("SLURM_JOB_ID"));
        new TaskRunner(broker, own, 0, out, err, getClass().getClassLoader(), facts, false).run(t);
        assertEquals("42", Files.readString(f).strip());
    }

    @Test
    void aRunBodyDoesNotSeeBrokerVariablesThatNoConditionNamed() throws Exception {
        assertEquals("unset", seenByBody("SLURM_NODELIST", List.of("SLURM_JOB_ID")));
    }

    @Test
    void aVariableAnEarlierTaskUnsetIsNotBroughtBackFromTheBroker() throws Exception {
        runner(false).run(bash("forget", "echo 'unsetenv SLURM_JOB_ID' >>\"$FLUX_MODPROBE_OUTPUT\"", 0));
        assertEquals("unset", seenByBody("SLURM_JOB_ID", List.of("SLURM_JOB_ID")));
    }

    @Test
    void aRunBodyKilledByASignalDiedBySignal() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner(false).run(bash("t", "kill -TERM $$", 0)));
        assertEquals("bash: died by signal 15", f.getMessage());
    }

    @Test
    void anExitStatusBeyondTheSignalRangeIsAnExitStatus() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner(false).run(bash("t", "exit 255", 0)));
        assertEquals("bash: exited with exit status 255", f.getMessage());
    }

    @Test
    void setoptOverwriteFromATaskReplacesTheModulesConfiguredArguments() throws Exception {
        runner(false).run(bash("fake-resources",
                "echo 'setopt-overwrite resource noverify' >>\"$FLUX_MODPROBE_OUTPUT\"", 0));
        assertEquals(List.of("noverify"), state.argsFor(resource));
    }

    @Test
    void setoptFromATaskAppendsToTheConfiguredArguments() throws Exception {
        runner(false).run(bash("t", "echo 'setopt resource noverify' >>\"$FLUX_MODPROBE_OUTPUT\"", 0));
        assertEquals(List.of("monitor-force-up", "noverify"), state.argsFor(resource));
    }

    @Test
    void unsetenvFromATaskUnsetsTheVariableForLaterTasksAndInTheBroker() throws Exception {
        toolEnv.put("YOGRT_BACKEND", "slurm");
        RunState own = new RunState(plan(1), toolEnv);
        new TaskRunner(broker, own, 0, out, err, getClass().getClassLoader(), facts, false)
                .run(bash("t", "echo 'unsetenv YOGRT_BACKEND' >>\"$FLUX_MODPROBE_OUTPUT\"", 0));
        assertFalse(own.processEnv().containsKey("YOGRT_BACKEND"));
        Map<String, String> unset = new HashMap<>();
        unset.put("YOGRT_BACKEND", null);
        assertEquals(List.of(unset), broker.setenvs, "the broker is asked to unset it (a null value)");
    }

    @Test
    void unsetenvTakesExactlyOneName() {
        TaskFailure f = assertThrows(TaskFailure.class, () -> runner(false).run(
                bash("t", "echo 'unsetenv A=b' >>\"$FLUX_MODPROBE_OUTPUT\"", 0)));
        assertTrue(f.getMessage().contains("malformed directive 'unsetenv A=b'"), f.getMessage());
    }

    /** Records what the original's context methods answer, as data for the test to read. */
    public static final class ContextProbe implements JavaTask {
        @Override
        public void run(Context c) throws Exception {
            c.setopt("resource", "noverify", true);
            c.set("getenv", String.valueOf(c.getenv("SLURM_JOB_ID")));
            c.set("localenv", String.valueOf(c.localenv("SLURM_JOB_ID")));
            c.set("confGet", c.confGet("fake-resources.nnodes").orElse("unset"));
            c.set("confTable", c.confTable("fake-resources").toString());
            c.set("getopts", String.join(" ", c.getopts("resource")));
            c.verbose("probe: said only with -v");
        }
    }

    @Test
    void aJavaTasksGetenvFallsBackToTheBrokersEnvironment() throws Exception {
        runner(false).run(Plans.java("probe", ContextProbe.class, 0));
        assertEquals("1234", state.data().get("getenv"));
        assertEquals("null", state.data().get("localenv"), "localenv never asks the broker");
    }

    @Test
    void aJavaTaskReadsTheBrokerConfigByDottedKey() throws Exception {
        runner(false).run(Plans.java("probe", ContextProbe.class, 0));
        assertEquals("4", state.data().get("confGet"));
        assertEquals("{nnodes=4}", state.data().get("confTable"));
    }

    @Test
    void aJavaTaskSeesTheModuleOptionsSoFar() throws Exception {
        runner(false).run(Plans.java("probe", ContextProbe.class, 0));
        assertEquals("noverify", state.data().get("getopts"));
    }

    @Test
    void aJavaTasksVerboseMessageIsShownOnlyWithVerbose() throws Exception {
        runner(false).run(Plans.java("probe", ContextProbe.class, 0));
        assertFalse(errBytes.toString(StandardCharsets.UTF_8).contains("said only with -v"));
        runner(true).run(Plans.java("probe", ContextProbe.class, 0));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("probe: said only with -v\n"));
    }
}
