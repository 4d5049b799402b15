package org.fluxmp.boot.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.facts.Facts;

/**
 * The processes of a run's task bodies: starts one with the run's environment, copies its output to
 * the tool's streams, and kills it (with its children) when its task is stopped. Also the tool's
 * streams for what a Java body prints.
 */
final class TaskProcesses {
    /** How long output pumps may keep a finished task waiting (a background child can hold the pipe open). */
    static final long PUMP_DRAIN_MS = 200;

    private final RunState state;
    private final Facts facts;
    private final int rank;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    TaskProcesses(RunState state, Facts facts, int rank, PrintStream out, PrintStream err, boolean verbose) {
        this.state = state;
        this.facts = facts;
        this.rank = rank;
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    /**
     * Runs ARGV for TASK with the run's environment (plus ENV, the variables its conditions named,
     * from the broker's where the run lacks them), pumping its output to ours; returns its exit
     * status. OUTPUT and ERROR (null: none) are the files the body may write directives and its
     * failure's message to. Interrupted (the task was stopped): kills the process tree and fails.
     */
    int exec(String task, List<String> env, List<String> argv, Path output, Path error) throws TaskFailure, IOException {
        Process p = start(task, env, argv, output, error).start();
        processes.put(task, p);
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
            processes.remove(task, p);
        }
    }

    private ProcessBuilder start(String task, List<String> names, List<String> argv, Path output, Path error)
            throws TaskFailure {
        Map<String, String> env = state.processEnv();
        for (String name : names) {
            Optional<String> v = env.containsKey(name) ? Optional.empty() : brokerEnv(name);
            if (v.isPresent()) {
                env.put(name, v.get());
            }
        }
        List<String> command = new ArrayList<>(argv);
        command.set(0, onPath(argv.get(0), env.get("PATH")));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("FLUX_MODPROBE_RANK", Integer.toString(rank));
        pb.environment().put("FLUX_MODPROBE_TASK", task);
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
        return pb;
    }

    /** Kills the processes TASK started, with their children (in the background). */
    void stop(String task) {
        Process p = processes.get(task);
        if (p != null) {
            ProcessTree.killAsync(p.toHandle());
        }
    }

    /**
     * NAME from the broker's environment, as the original's {@code context.getenv} falls back to it (a
     * broker started under Slurm does not pass SLURM_* to rc1); never a variable a task unset.
     */
    Optional<String> brokerEnv(String name) throws TaskFailure {
        if (state.wasUnset(name)) {
            return Optional.empty();
        }
        try {
            return facts.env(name);
        } catch (ToolException e) {
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

    /** LINE on the tool's output. */
    void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** LINE on the tool's error output. */
    void printErr(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /** LINE on the tool's error output with {@code -v}. */
    void verbose(String line) {
        if (verbose) {
            printErr(line);
        }
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
}
