package org.fluxmp.boot.flux;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.json.Json;

/**
 * Broker facts over a {@link FluxConnection}: {@code attr.get}, {@code config.get},
 * {@code broker.getenv} and {@code module.list}, the requests the Python original makes through
 * its handle.
 */
public final class FluxFacts extends BrokerFacts {
    private final FluxConnection conn;

    /** LOCAL_ENV is the tool's own environment, consulted before the broker's. */
    public FluxFacts(FluxConnection conn, Map<String, String> localEnv) {
        super(localEnv);
        this.conn = conn;
    }

    @Override
    Optional<String> fetchAttr(String name) throws FluxException {
        try {
            Map<String, Object> r = object("attr.get", conn.rpc("attr.get", CompactJson.write(Map.of("name", name))));
            Object v = r.get("value");
            return Optional.ofNullable(v == null ? null : v.toString());
        } catch (FluxException e) {
            if (e.errnum() == Errno.ENOENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    Map<String, Object> fetchConfig() throws FluxException {
        return object("config.get", conn.rpc("config.get", null));
    }

    @Override
    Optional<String> fetchBrokerEnv(String name) throws FluxException {
        Map<String, Object> r = object("broker.getenv",
                conn.rpc("broker.getenv", CompactJson.write(Map.of("names", List.of(name)))));
        Object env = r.get("env");
        Object v = env instanceof Map<?, ?> m ? m.get(name) : null;
        return Optional.ofNullable(v == null ? null : v.toString());
    }

    @Override
    Map<String, Set<String>> fetchLoaded() throws FluxException {
        return modules(object("module.list", conn.rpc("module.list", null)));
    }

    /** The {@code module.list} answer as name -> services, leaving out the broker's built-in modules. */
    static Map<String, Set<String>> modules(Map<String, Object> answer) throws FluxException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (!(answer.get("mods") instanceof List<?> mods)) {
            throw new FluxException(Errno.EPROTO, "module.list: no mods array in the response");
        }
        for (Object o : mods) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
                throw new FluxException(Errno.EPROTO, "module.list: an entry without a name");
            }
            if ("builtin".equals(m.get("path"))) {
                continue;
            }
            Set<String> services = new LinkedHashSet<>();
            services.add(name);
            if (m.get("services") instanceof List<?> l) {
                l.forEach(s -> services.add(String.valueOf(s)));
            }
            out.put(name, services);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String topic, String json) throws FluxException {
        if (json == null) {
            throw new FluxException(Errno.EPROTO, topic + ": the response has no payload");
        }
        try {
            if (Json.parse(json) instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (IllegalArgumentException e) {
            throw new FluxException(Errno.EPROTO, topic + ": the response is not JSON: " + e.getMessage());
        }
        throw new FluxException(Errno.EPROTO, topic + ": the response is not a JSON object");
    }
}
