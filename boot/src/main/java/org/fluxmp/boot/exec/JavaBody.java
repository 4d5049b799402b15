package org.fluxmp.boot.exec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.plan.PlanTask;

/**
 * A Java task body: loads its class from the tool or a task jar, and runs it with this as its
 * context (the run's data, environment, module options, the broker's facts and RPCs).
 */
final class JavaBody implements JavaTask.Context {
    private final PlanTask.JavaClass task;
    private final TaskRunner runner;
    private final TaskProcesses processes;
    private final RunState state;
    private final Broker broker;
    private final Facts facts;
    private final int rank;

    JavaBody(PlanTask.JavaClass task, TaskRunner runner, TaskProcesses processes, RunState state, Broker broker,
            Facts facts, int rank) {
        this.task = task;
        this.runner = runner;
        this.processes = processes;
        this.state = state;
        this.broker = broker;
        this.facts = facts;
        this.rank = rank;
    }

    /** Loads the task's class with LOADER and runs it; whatever it throws becomes a failure. */
    void run(ClassLoader loader) throws TaskFailure {
        JavaTask body;
        String name = task.className();
        try {
            Class<?> c = Class.forName(name, true, loader);
            body = (JavaTask) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new TaskFailure("java: no class " + name + " in the tool or in an rcN.d/*.jar");
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new TaskFailure("java: cannot load task class " + name + ": " + e);
        }
        try {
            body.run(this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("interrupted");
        } catch (TaskFailure e) {
            throw e;
        } catch (Exception e) {
            throw new TaskFailure(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    @Override public int rank() { return rank; }
    @Override public String task() { return task.name(); }
    @Override public String get(String key) { return state.data().get(key); }
    @Override public void set(String key, String value) { state.set(key, value); }

    @Override
    public String getenv(String name) throws TaskFailure {
        String local = localenv(name);
        return local != null ? local : processes.brokerEnv(name).orElse(null);
    }

    @Override
    public String localenv(String name) {
        return state.processEnv().get(name);
    }

    @Override
    public void setenv(String name, String value) throws Exception {
        runner.setenv(name, value);
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
        return processes.exec(task.name(), task.env(), argv, null, null);
    }

    @Override
    public void print(String line) {
        processes.print(line);
    }

    @Override
    public void verbose(String line) {
        processes.verbose(line);
    }

    @Override
    public void printErr(String line) {
        processes.printErr(line);
    }
}
