package org.fluxmp.boot.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.exec.JavaTask;

/** A Java task's context that records what the task did; programs are not run, they "exit" as told. */
final class FakeContext implements JavaTask.Context {
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<String, String> attrs = new LinkedHashMap<>();
    final Map<String, String> data = new LinkedHashMap<>();
    final Map<String, List<String>> setopts = new LinkedHashMap<>();
    final Map<String, Integer> exitCodes = new LinkedHashMap<>();
    final List<List<String>> execs = new ArrayList<>();
    final List<String> out = new ArrayList<>();
    final List<String> err = new ArrayList<>();

    @Override public int rank() { return 0; }
    @Override public String task() { return "test"; }
    @Override public String getenv(String name) { return env.get(name); }
    @Override public String localenv(String name) { return env.get(name); }
    @Override public String get(String key) { return data.get(key); }
    @Override public void set(String key, String value) { data.put(key, value); }
    @Override public void setenv(String name, String value) { env.put(name, value); }
    @Override public void setopt(String module, String options, boolean overwrite) {
        if (overwrite) {
            setopts.remove(module);
        }
        setopts.computeIfAbsent(module, k -> new ArrayList<>()).addAll(List.of(options.trim().split("\\s+")));
    }
    @Override public List<String> getopts(String module) { return setopts.getOrDefault(module, List.of()); }
    @Override public Optional<String> confGet(String key) { return Optional.empty(); }
    @Override public Map<String, Object> confTable(String key) { return Map.of(); }
    @Override public void verbose(String line) { err.add(line); }
    @Override public Map<String, Object> rpc(String topic, Map<String, Object> payload) { return Map.of(); }
    @Override public Optional<String> attr(String name) { return Optional.ofNullable(attrs.get(name)); }
    @Override public int exec(List<String> argv) {
        execs.add(List.copyOf(argv));
        return exitCodes.getOrDefault(argv.get(0), 0);
    }
    @Override public void print(String line) { out.add(line); }
    @Override public void printErr(String line) { err.add(line); }
}
