package org.fluxmp.boot.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerException;

/** A broker whose every request does what the test says, and that records what it was asked. */
final class FakeBroker implements Broker {
    /** What a request does; may throw (a failure) or block. */
    interface Action {
        void run(String name) throws Exception;
    }

    final Map<String, Action> actions = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, String>> setenvs = Collections.synchronizedList(new ArrayList<>());
    final Map<String, List<String>> loadArgs = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> rpcPayloads = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    FakeBroker on(String name, Action a) {
        actions.put(name, a);
        return this;
    }

    private void act(String verb, String name) throws BrokerException {
        int n = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(n, Math::max);
        calls.add(verb + " " + name);
        try {
            Action a = actions.get(name);
            if (a != null) {
                a.run(name);
            }
        } catch (InterruptedException e) {
            throw new BrokerException("interrupted");
        } catch (BrokerException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerException(e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void load(String name, String module, List<String> args, boolean exec) throws BrokerException {
        loadArgs.put(name, List.copyOf(args));
        act("load", name);
    }

    @Override
    public void remove(String name) throws BrokerException {
        act("remove", name);
    }

    @Override
    public Map<String, Object> rpc(String topic, Map<String, Object> payload) throws BrokerException {
        rpcPayloads.put(topic, payload);
        act("rpc", topic);
        return Map.of();
    }

    @Override
    public void setenv(Map<String, String> env) {
        setenvs.add(Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env)));
    }

    @Override
    public void kvsPut(String key, String json) {
        calls.add("kvs-put " + key);
    }

    @Override
    public void close() {
    }
}
