package org.fluxmp.runner.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fluxmp.rules.ConfigException;
import org.fluxmp.rules.Directive;
import org.fluxmp.runner.broker.Broker;
import org.fluxmp.runner.broker.BrokerException;
import org.fluxmp.solver.plan.PlanTask;

/** Carries out one task of a plan against a broker: a module load/remove or a task body. */
public final class TaskRunner {
    private final Broker broker;
    private final RunState state;
    private final int rank;
    private final PrintStream out;
    private final PrintStream err;
    private final ClassLoader javaTasks;

    public TaskRunner(Broker broker, RunState state, int rank, PrintStream out, PrintStream err, ClassLoader javaTasks) {
        this.broker = broker;
        this.state = state;
        this.rank = rank;
        this.out = out;
        this.err = err;
        this.javaTasks = javaTasks;
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
                    bash(t);
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

    private void bash(PlanTask t) throws TaskFailure, BrokerException {
        Path output = null;
        try {
            output = Files.createTempFile("flux-modprobe-" + t.name(), ".out");
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", t.text());
            pb.environment().clear();
            pb.environment().putAll(state.processEnv());
            pb.environment().put("FLUX_MODPROBE_RANK", Integer.toString(rank));
            pb.environment().put("FLUX_MODPROBE_TASK", t.name());
            pb.environment().put("FLUX_MODPROBE_OUTPUT", output.toString());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            boolean finished = t.timeoutMs() > 0 ? p.waitFor(t.timeoutMs(), TimeUnit.MILLISECONDS) : waitFor(p);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                o.join();
                e.join();
                throw new TaskFailure("timed out after " + t.timeoutMs() / 1000.0 + "s");
            }
            o.join();
            e.join();
            int rc = p.exitValue();
            if (rc > 128 && rc < 160) {
                // bash reports a child killed by a signal as 128+N
                throw new TaskFailure("bash: exited with exit status " + rc);
            }
            if (rc != 0) {
                throw new TaskFailure("bash: exited with exit status " + rc);
            }
            for (String line : Files.readAllLines(output)) {
                if (!line.isBlank()) {
                    apply(t, line);
                }
            }
        } catch (IOException ex) {
            throw new TaskFailure("bash: " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ex) {
                    // harmless leftover
                }
            }
        }
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    private void apply(PlanTask t, String line) throws TaskFailure, BrokerException {
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
                state.setenv(d.key(), d.value());
                broker.setenv(Map.of(d.key(), d.value()));
                break;
            case "setopt":
                state.setopt(d.words().get(0), d.words().subList(1, d.words().size()));
                break;
            default:
                throw new TaskFailure("directive '" + d.line() + "' is allowed only in setup");
        }
    }

    private static Thread pump(InputStream in, PrintStream to) {
        Thread th = new Thread(() -> {
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
        });
        th.setDaemon(true);
        th.start();
        return th;
    }

    private void java(PlanTask t) throws TaskFailure {
        JavaTask task;
        try {
            Class<?> c = Class.forName(t.text(), true, javaTasks);
            task = (JavaTask) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new TaskFailure("java: cannot load task class " + t.text() + ": " + e);
        }
        try {
            task.run(new JavaContext());
        } catch (Exception e) {
            throw new TaskFailure(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private final class JavaContext implements JavaTask.Context {
        @Override public int rank() { return rank; }
        @Override public String getenv(String name) { return state.processEnv().get(name); }
        @Override public String get(String key) { return state.data().get(key); }
        @Override public void set(String key, String value) { state.set(key, value); }
        @Override public void setenv(String name, String value) throws Exception {
            state.setenv(name, value);
            broker.setenv(Map.of(name, value));
        }
        @Override public void setopt(String module, String options) {
            state.setopt(module, List.of(options.trim().split("\\s+")));
        }
        @Override public Map<String, Object> rpc(String topic, Map<String, Object> payload) throws Exception {
            return broker.rpc(topic, payload);
        }
        @Override public void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
