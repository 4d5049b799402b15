package org.fluxmp.boot.flux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;

/**
 * The real broker over a {@link FluxConnection}: each call is one RPC with the payload the broker
 * module expects ({@code module.load}, {@code module.remove}, {@code broker.setenv},
 * {@code kvs.commit}, or any topic for {@code rpc} task bodies). Calls may run in parallel.
 */
public final class FluxBroker implements Broker {
    private final FluxConnection conn;
    private final String kvsNamespace;

    /** ENV supplies {@code FLUX_KVS_NAMESPACE} (default {@code primary}), as libkvs reads it. */
    public FluxBroker(FluxConnection conn, Map<String, String> env) {
        this.conn = conn;
        String ns = env.get("FLUX_KVS_NAMESPACE");
        this.kvsNamespace = ns == null || ns.isEmpty() ? "primary" : ns;
    }

    @Override
    public void load(String name, String module, List<String> args, boolean exec) throws BrokerException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", canonicalPath(module));
        p.put("args", args);
        p.put("exec", exec);
        if (!name.equals(module)) {
            p.put("name", name);
        }
        conn.rpc("module.load", JsonStyle.COMPACT.write(p));
    }

    /**
     * A module named by a file path goes to the broker as an absolute path (the broker runs in
     * another directory), as {@code flux module load} does; a bare name is looked up by the broker.
     */
    static String canonicalPath(String module) {
        if (!module.contains("/") && !module.endsWith(".so")) {
            return module;
        }
        try {
            return Path.of(module).toRealPath().toString();
        } catch (Exception e) {
            return module; // the broker reports the missing file in its own words
        }
    }

    /** As {@code flux module remove NAME} asks it (cancel = false: let the module finish its work). */
    @Override
    public void remove(String name) throws BrokerException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("cancel", false);
        try {
            conn.rpc("module.remove", JsonStyle.COMPACT.write(p));
        } catch (FluxException e) {
            if (e.errnum() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    /** One RPC; an empty PAYLOAD is sent as none (as {@code context.rpc(topic)} does); a response without payload is an empty map. */
    @Override
    public Map<String, Object> rpc(String topic, Map<String, Object> payload) throws BrokerException {
        String answer = conn.rpc(topic, payloadJson(payload));
        if (answer == null || answer.isEmpty()) {
            return Map.of();
        }
        return answerObject(topic, answer, "response");
    }

    /** PAYLOAD as an RPC sends it: an empty one as none. */
    static String payloadJson(Map<String, Object> payload) {
        return payload == null || payload.isEmpty() ? null : JsonStyle.COMPACT.write(payload);
    }

    /**
     * An RPC's JSON ANSWER as {@link #rpc} gives it: an object as it is, any other value as
     * {@code {"value": it}}. An answer that is not JSON is an EPROTO error that calls it NOUN.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> answerObject(String topic, String answer, String noun) throws FluxException {
        Object v;
        try {
            v = Json.parse(answer);
        } catch (IllegalArgumentException e) {
            throw new FluxException(Errno.EPROTO, topic + ": the " + noun + " is not JSON: " + e.getMessage());
        }
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", v);
        return wrapped;
    }

    @Override
    public void setenv(Map<String, String> env) throws BrokerException {
        conn.rpc("broker.setenv", JsonStyle.COMPACT.write(Map.of("env", env)));
    }

    /** A KVS transaction of one {@code val} tree object (RFC 11), as {@code flux kvs put KEY=VALUE} commits it. */
    @Override
    public void kvsPut(String key, String json) throws BrokerException {
        Map<String, Object> dirent = new LinkedHashMap<>();
        dirent.put("ver", 1);
        dirent.put("type", "val");
        dirent.put("data", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("key", key);
        op.put("flags", 0);
        op.put("dirent", dirent);
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("namespace", kvsNamespace);
        commit.put("flags", 0);
        commit.put("ops", List.of(op));
        conn.rpc("kvs.commit", JsonStyle.COMPACT.write(commit));
    }

    @Override
    public void close() {
        conn.close();
    }
}
