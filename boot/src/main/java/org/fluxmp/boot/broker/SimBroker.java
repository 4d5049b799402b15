package org.fluxmp.boot.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.json.JsonStyle;

/**
 * The embedded simulated broker (SPEC 5): modules load and remove with a latency ({@code [latency]},
 * {@code [remove-latency]}, else {@link SimLatencies}, measured on a real broker), {@code [fail]}
 * makes a load fail with a message, loaded modules persist in {@code state}, and every action goes
 * to {@code log} as a JSON line with {@code start} and {@code end} in ms since the epoch
 * (microsecond precision, the clock the stand-in {@code flux} command logs with too).
 */
public final class SimBroker implements Broker {
    private final SimBrokerFile file;
    private final List<String> loaded;
    private final Map<String, String> env = new LinkedHashMap<>();

    public SimBroker(SimBrokerFile file) {
        this.file = file;
        this.loaded = new ArrayList<>(file.loadedModules());
    }

    public synchronized List<String> loaded() {
        return List.copyOf(loaded);
    }

    /** Wall-clock time in ms since the epoch, to the microsecond. */
    static BigDecimal now() {
        Instant i = Instant.now();
        return BigDecimal.valueOf(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000, 3);
    }

    /** The file's {@code [latency]} for NAME, else its default, else the built-in value. */
    long loadLatency(String name) {
        return pick(file.latency(), name, SimLatencies.LOAD_MS, SimLatencies.DEFAULT_LOAD_MS);
    }

    long removeLatency(String name) {
        return pick(file.removeLatency(), name, SimLatencies.REMOVE_MS, SimLatencies.DEFAULT_REMOVE_MS);
    }

    /** An RPC's latency: {@code [latency]} by topic, else its default, else 2 ms. */
    long rpcLatency(String topic) {
        return pick(file.latency(), topic, Map.of(), SimLatencies.DEFAULT_RPC_MS);
    }

    private static long pick(Map<String, Long> table, String name, Map<String, Long> builtin, long builtinDefault) {
        Long l = table.get(name);
        if (l == null) {
            l = table.get("default");
        }
        if (l == null) {
            l = builtin.get(name);
        }
        return l == null ? builtinDefault : l;
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
        BigDecimal start = now();
        sleep(loadLatency(name));
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
        BigDecimal start = now();
        sleep(removeLatency(name));
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
    public Map<String, Object> rpc(String topic, Map<String, Object> payload) throws BrokerException {
        BigDecimal start = now();
        sleep(rpcLatency(topic));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "rpc");
        entry.put("topic", topic);
        entry.put("payload", payload == null ? Map.of() : payload);
        log(entry, start);
        return Map.of();
    }

    @Override
    public synchronized void setenv(Map<String, String> vars) {
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (e.getValue() == null) {
                env.remove(e.getKey()); // as broker.setenv unsets a variable given null
            } else {
                env.put(e.getKey(), e.getValue());
            }
        }
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

    private synchronized void log(Map<String, Object> entry, BigDecimal start) {
        Path log = file.log();
        if (log == null) {
            return;
        }
        entry.put("start", start);
        entry.put("end", now());
        try {
            Files.writeString(log, JsonStyle.PYTHON.write(entry) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // state is written after every change
    }
}
