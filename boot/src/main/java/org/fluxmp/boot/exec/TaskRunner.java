package org.fluxmp.boot.exec;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.ScratchFiles;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.boot.setup.Directive;

/**
 * Carries out one task of a plan against a broker: a module load/remove or a task body (SPEC 3).
 * Module arguments go to the broker as a list, never through a shell. {@link #stop} kills the
 * processes a task started (the executor also interrupts the task's thread). A script's processes
 * are {@link TaskProcesses}' job, a Java body {@link JavaBody}'s.
 */
public final class TaskRunner {
    private final Broker broker;
    private final RunState state;
    private final int rank;
    private final ClassLoader javaTasks;
    private final Facts facts;
    private final TaskProcesses processes;

    /** A runner whose bodies know no broker facts (tests, load, remove). */
    public TaskRunner(Broker broker, RunState state, int rank, PrintStream out, PrintStream err, ClassLoader javaTasks) {
        this(broker, state, rank, out, err, javaTasks, new StaticFacts(Map.of()), false);
    }

    /**
     * FACTS answer a body's questions about the broker (attributes, config, the broker's
     * environment); VERBOSE shows the messages Java tasks print with {@code verbose} ({@code -v}).
     */
    public TaskRunner(Broker broker, RunState state, int rank, PrintStream out, PrintStream err, ClassLoader javaTasks,
            Facts facts, boolean verbose) {
        this.broker = broker;
        this.state = state;
        this.rank = rank;
        this.javaTasks = javaTasks;
        this.facts = facts;
        this.processes = new TaskProcesses(state, facts, rank, out, err, verbose);
    }

    /** The line {@code --dry-run} prints for a task. */
    public String dryRunLine(PlanTask t) {
        if (t instanceof PlanTask.ModuleStep m && !m.remove()) {
            List<String> args = state.argsFor(m);
            return "load " + t.name() + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }
        return t.verb() + " " + t.name();
    }

    public void run(PlanTask t) throws TaskFailure {
        try {
            if (t instanceof PlanTask.ModuleStep m) {
                if (m.remove()) {
                    broker.remove(m.name());
                } else {
                    broker.load(m.name(), m.module(), state.argsFor(m), m.exec());
                }
            } else if (t instanceof PlanTask.Rpc r) {
                broker.rpc(r.topic(), r.payload() == null ? Map.of() : r.payload());
            } else if (t instanceof PlanTask.Run r) {
                script(t, r.env(), List.of("bash", "-c", r.script()), "bash", false);
            } else if (t instanceof PlanTask.Python p) {
                script(t, p.env(), p.argv(), "python", true);
            } else {
                new JavaBody((PlanTask.JavaClass) t, this, processes, state, broker, facts, rank).run(javaTasks);
            }
        } catch (BrokerException e) {
            throw new TaskFailure(e.getMessage());
        }
    }

    /** Kills the processes task T started, with their children (in the background). */
    public void stop(PlanTask t) {
        processes.stop(t.name());
    }

    /**
     * Runs ARGV for body T (a bash script, or the Python bridge running a drop-in's function), with
     * ENV the variables its conditions named, and applies the directives it wrote when it exits 0. A
     * failure says LABEL and its status, or, with MESSAGE_FILE, what the body wrote to
     * {@code $FLUX_MODPROBE_ERROR} (the bridge: the exception's message).
     */
    private void script(PlanTask t, List<String> env, List<String> argv, String label, boolean messageFile)
            throws TaskFailure, BrokerException {
        Path output = null;
        Path error = null;
        try {
            output = scratch(t, ".out");
            error = messageFile ? scratch(t, ".err") : null;
            int rc = processes.exec(t.name(), env, argv, output, error);
            if (rc != 0) {
                String message = error == null ? "" : Files.readString(error).strip();
                throw new TaskFailure(message.isEmpty() ? label + ": " + ExitStatus.describe(rc) : message);
            }
            for (String line : Files.readAllLines(output)) {
                if (!line.isBlank()) {
                    apply(line);
                }
            }
        } catch (IOException ex) {
            throw new TaskFailure(label + ": " + ex.getMessage());
        } finally {
            for (Path p : new Path[] {output, error}) {
                try {
                    if (p != null) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ex) {
                    // harmless leftover
                }
            }
        }
    }

    /** A new empty file for body T in the temporary directory, named by the clock (no SecureRandom on the boot path). */
    private static Path scratch(PlanTask t, String suffix) throws IOException {
        return ScratchFiles.createUnique(new File(System.getProperty("java.io.tmpdir")), "flux-modprobe-" + t.name() + "-",
                suffix).toPath();
    }

    private void apply(String line) throws TaskFailure, BrokerException {
        Directive d;
        try {
            d = Directive.parse(line, false);
        } catch (ToolException e) {
            throw new TaskFailure(e.problems().get(0).message());
        }
        switch (d.verb()) {
            case "set":
                state.set(d.key(), d.value());
                break;
            case "setenv":
                setenv(d.key(), d.value());
                break;
            case "unsetenv":
                setenv(d.words().get(0), null);
                break;
            case "setopt":
            case "setopt-overwrite":
                state.setopt(d.words().get(0), d.words().subList(1, d.words().size()), d.verb().equals("setopt-overwrite"));
                break;
            default:
                throw new TaskFailure("directive '" + d.line() + "' is allowed only in setup");
        }
    }

    /** Sets NAME (null: unsets it) for later tasks and in the broker's environment. */
    void setenv(String name, String value) throws BrokerException {
        state.setenv(name, value);
        Map<String, String> change = new HashMap<>();
        change.put(name, value);
        broker.setenv(change);
    }
}
