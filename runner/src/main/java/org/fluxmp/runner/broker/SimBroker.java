package org.fluxmp.runner.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.runner.PyJson;

/**
 * The embedded simulated broker: modules load and remove with a latency, {@code [fail]} makes a load
 * fail with a message, loaded modules persist in {@code state}, and every action goes to {@code log}
 * as a JSON line with start and end times in ms.
 */
public final class SimBroker implements Broker {
    /** Default load latency (ms): a module load on a real broker takes about 1 ms (flux-samples timing list). */
    static final long DEFAULT_LATENCY_MS = 1;

    private final SimBrokerFile file;
    private final List<String> loaded;
    private final long t0 = System.nanoTime();
    private final Map<String, String> env = new LinkedHashMap<>();

    public SimBroker(SimBrokerFile file) {
        this.file = file;
        this.loaded = new ArrayList<>(file.loadedModules());
    }

    public synchronized List<String> loaded() {
        return List.copyOf(loaded);
    }

    private long now() {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private long latency(String name) {
        Long l = file.latency().get(name);
        if (l == null) {
            l = file.latency().get("default");
        }
        return l == null ? DEFAULT_LATENCY_MS : l;
    }

    private void sleep(long ms) throws BrokerException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted");
        }
    }

    @Override
    public void load(String name, String module, List<String> args, boolean exec) throws BrokerException {
        long start = now();
        sleep(latency(name));
        String fail = file.fail().get(name);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "load");
        entry.put("name", name);
        entry.put("module", module);
        entry.put("args", args);
        entry.put("exec", exec);
        try {
            if (fail != null) {
                throw new BrokerException(fail);
            }
            synchronized (this) {
                if (loaded.contains(name)) {
                    throw new BrokerException("error loading module " + name + ": File exists");
                }
                loaded.add(name);
                saveState();
            }
        } catch (BrokerException e) {
            entry.put("error", e.getMessage());
            throw e;
        } finally {
            log(entry, start);
        }
    }

    @Override
    public void remove(String name) throws BrokerException {
        long start = now();
        sleep(Math.min(latency(name), 1));
        synchronized (this) {
            loaded.remove(name);
            saveState();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "remove");
        entry.put("name", name);
        log(entry, start);
    }

    @Override
    public Map<String, Object> rpc(String topic, Map<String, Object> payload) {
        long start = now();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "rpc");
        entry.put("topic", topic);
        entry.put("payload", payload == null ? Map.of() : payload);
        log(entry, start);
        return Map.of();
    }

    @Override
    public synchronized void setenv(Map<String, String> vars) {
        env.putAll(vars);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "setenv");
        entry.put("env", vars);
        log(entry, now());
    }

    @Override
    public void kvsPut(String key, String json) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "kvs-put");
        entry.put("key", key);
        entry.put("value", json);
        log(entry, now());
    }

    private void saveState() {
        if (file.state() == null) {
            return;
        }
        try {
            SimState.write(file.state(), loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void log(Map<String, Object> entry, long start) {
        Path log = file.log();
        if (log == null) {
            return;
        }
        entry.put("start", start);
        entry.put("end", now());
        try {
            Files.writeString(log, PyJson.write(entry) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // state is written after every change
    }
}
