package org.fluxmp.boot.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fluxmp.boot.ConfigException;
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
 * processes a task started (the executor also interrupts the task's thread).
 */
public final class TaskRunner {
    /** How long output pumps may keep a finished task waiting (a background child can hold the pipe open). */
    static final long PUMP_DRAIN_MS = 200;

    private final Broker broker;
    private final RunState state;
    private final int rank;
    private final PrintStream out;
    private final PrintStream err;
    private final ClassLoader javaTasks;
    private final Facts facts;
    private final boolean verbose;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

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
        this.out = out;
        this.err = err;
        this.javaTasks = javaTasks;
        this.facts = facts;
        this.verbose = verbose;
    }

    /** The line {@code --dry-run} prints for a task. */
    public String dryRunLine(PlanTask t) {
        switch (t.action()) {
            case LOAD:
                List<String> args = state.argsFor(t);
                return "load " + t.name() + (args.isEmpty() ? "" : " " + String.join(" ", args));
            case REMOVE:
                return "remove " + t.name();
            default:
                return "run " + t.name();
        }
    }

    public void run(PlanTask t) throws TaskFailure {
        try {
            switch (t.action()) {
                case LOAD:
                    broker.load(t.name(), t.module(), state.argsFor(t), t.exec());
                    break;
                case REMOVE:
                    broker.remove(t.name());
                    break;
                case RPC:
                    broker.rpc(t.text(), t.payload() == null ? Map.of() : t.payload());
                    break;
                case RUN:
                    script(t, List.of("bash", "-c", t.text()), "bash", false);
                    break;
                case PYTHON:
                    script(t, List.of(t.text().split("\n")), "python", true);
                    break;
                case JAVA:
                    java(t);
                    break;
                default:
                    throw new TaskFailure("unknown action " + t.action());
            }
        } catch (BrokerException e) {
            throw new TaskFailure(e.getMessage());
        }
    }

    /** Kills the processes task T started, with their children (in the background). */
    public void stop(PlanTask t) {
        Process p = processes.get(t.name());
        if (p != null) {
            ProcessTree.killAsync(p.toHandle());
        }
    }

    /**
     * Runs ARGV for body T (a bash script, or the Python bridge running a drop-in's function) and
     * applies the directives it wrote when it exits 0. A failure says LABEL and its status, or, with
     * MESSAGE_FILE, what the body wrote to {@code $FLUX_MODPROBE_ERROR} (the bridge: the exception's message).
     */
    private void script(PlanTask t, List<String> argv, String label, boolean messageFile)
            throws TaskFailure, BrokerException {
        Path output = null;
        Path error = null;
        try {
            output = scratch(t, ".out");
            error = messageFile ? scratch(t, ".err") : null;
            int rc = exec(t, argv, output, error);
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

    /**
     * Runs ARGV for task T with the run's environment, pumping its output to ours; returns its exit
     * status. Interrupted (the task was stopped): kills the process tree and fails.
     */
    private int exec(PlanTask t, List<String> argv, Path output, Path error) throws TaskFailure, IOException {
        Map<String, String> env = state.processEnv();
        for (String name : t.env()) {
            Optional<String> v = env.containsKey(name) ? Optional.empty() : brokerEnv(name);
            if (v.isPresent()) {
                env.put(name, v.get());
            }
        }
        List<String> command = new java.util.ArrayList<>(argv);
        command.set(0, onPath(argv.get(0), env.get("PATH")));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("FLUX_MODPROBE_RANK", Integer.toString(rank));
        pb.environment().put("FLUX_MODPROBE_TASK", t.name());
        if (output != null) {
            pb.environment().put("FLUX_MODPROBE_OUTPUT", output.toString());
        }
        if (error != null) {
            pb.environment().put("FLUX_MODPROBE_ERROR", error.toString());
        }
        if (verbose) {
            pb.environment().put("FLUX_MODPROBE_VERBOSE", "1");
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        processes.put(t.name(), p);
        Thread o = pump(p.getInputStream(), out);
        Thread e = pump(p.getErrorStream(), err);
        try {
            int rc = p.waitFor();
            // a background child may keep the pipes open: do not wait for it
            o.join(PUMP_DRAIN_MS);
            e.join(PUMP_DRAIN_MS);
            return rc;
        } catch (InterruptedException ex) {
            ProcessTree.kill(p.toHandle());
            throw new TaskFailure("interrupted");
        } finally {
            processes.remove(t.name(), p);
        }
    }

    /**
     * NAME from the broker's environment, as the original's {@code context.getenv} falls back to it (a
     * broker started under Slurm does not pass SLURM_* to rc1); never a variable a task unset.
     */
    private Optional<String> brokerEnv(String name) throws TaskFailure {
        if (state.wasUnset(name)) {
            return Optional.empty();
        }
        try {
            return facts.env(name);
        } catch (ConfigException e) {
            throw new TaskFailure(e.getMessage());
        }
    }

    /**
     * A bare command name looked up on the task's PATH: the JVM would search its own PATH, which
     * lacks what the run adds (the simulated broker's stand-in {@code flux}).
     */
    static String onPath(String command, String path) {
        if (command.contains("/") || path == null) {
            return command;
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return command;
    }

    private void apply(String line) throws TaskFailure, BrokerException {
        Directive d;
        try {
            d = Directive.parse(line, false);
        } catch (ConfigException e) {
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
    private void setenv(String name, String value) throws BrokerException {
        state.setenv(name, value);
        Map<String, String> change = new java.util.HashMap<>();
        change.put(name, value);
        broker.setenv(change);
    }

    /** Copies a body's output to the tool's stream as it comes. */
    private static final class Pump implements Runnable {
        private final InputStream in;
        private final PrintStream to;

        Pump(InputStream in, PrintStream to) {
            this.in = in;
            this.to = to;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        }
    }

    private static Thread pump(InputStream in, PrintStream to) {
        Thread th = new Thread(new Pump(in, to), "output");
        th.setDaemon(true);
        th.start();
        return th;
    }

    private void java(PlanTask t) throws TaskFailure {
        JavaTask task;
        try {
            Class<?> c = Class.forName(t.text(), true, javaTasks);
            task = (JavaTask) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new TaskFailure("java: no class " + t.text() + " in the tool or in an rcN.d/*.jar");
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new TaskFailure("java: cannot load task class " + t.text() + ": " + e);
        }
        try {
            task.run(new JavaContext(t));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("interrupted");
        } catch (TaskFailure e) {
            throw e;
        } catch (Exception e) {
            throw new TaskFailure(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private final class JavaContext implements JavaTask.Context {
        private final PlanTask t;

        JavaContext(PlanTask t) {
            this.t = t;
        }

        @Override public int rank() { return rank; }
        @Override public String task() { return t.name(); }
        @Override public String get(String key) { return state.data().get(key); }
        @Override public void set(String key, String value) { state.set(key, value); }

        @Override
        public String getenv(String name) throws TaskFailure {
            String local = localenv(name);
            return local != null ? local : brokerEnv(name).orElse(null);
        }

        @Override
        public String localenv(String name) {
            return state.processEnv().get(name);
        }

        @Override
        public void setenv(String name, String value) throws Exception {
            TaskRunner.this.setenv(name, value);
        }

        @Override
        public void setopt(String module, String options, boolean overwrite) {
            state.setopt(module, List.of(options.trim().split("\\s+")), overwrite);
        }

        @Override
        public List<String> getopts(String module) {
            return state.getopts(module);
        }

        @Override
        public Optional<String> confGet(String key) {
            return facts.config(key);
        }

        @Override
        public Map<String, Object> confTable(String key) {
            return facts.configTable(key);
        }

        @Override
        public Map<String, Object> rpc(String topic, Map<String, Object> payload) throws Exception {
            return broker.rpc(topic, payload);
        }

        @Override
        public Optional<String> attr(String name) {
            return facts.attr(name);
        }

        @Override
        public int exec(List<String> argv) throws Exception {
            return TaskRunner.this.exec(t, argv, null, null);
        }

        @Override
        public void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }

        @Override
        public void verbose(String line) {
            if (verbose) {
                printErr(line);
            }
        }

        @Override
        public void printErr(String line) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }
}
