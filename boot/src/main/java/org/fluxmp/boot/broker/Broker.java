package org.fluxmp.boot.broker;

import java.util.List;
import java.util.Map;

/** What the runner asks of a broker. Failures are BrokerException with the broker's own text. */
public interface Broker extends AutoCloseable {
    void load(String name, String module, List<String> args, boolean exec) throws BrokerException;

    /** Removing a module that is not loaded is not an error (as the original ignores ENOENT). */
    void remove(String name) throws BrokerException;

    Map<String, Object> rpc(String topic, Map<String, Object> payload) throws BrokerException;

    /** Sets variables in the broker's environment (seen by later rc stages); a null value unsets one. */
    void setenv(Map<String, String> env) throws BrokerException;

    /** Stores a JSON value in the KVS (the real broker) or the log (the simulated one). */
    void kvsPut(String key, String json) throws BrokerException;

    @Override
    void close();
}
