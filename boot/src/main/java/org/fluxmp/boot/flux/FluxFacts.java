package org.fluxmp.boot.flux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;

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
        return attrAnswer(attrRequest(name));
    }

    private Reply<FluxMessage> attrRequest(String name) {
        return conn.send("attr.get", FluxMessage.jsonPayload(JsonStyle.COMPACT.write(Map.of("name", name))));
    }

    private Optional<String> attrAnswer(Reply<FluxMessage> f) throws FluxException {
        try {
            Object v = object("attr.get", conn.answer("attr.get", f)).get("value");
            return Optional.ofNullable(v == null ? null : v.toString());
        } catch (FluxException e) {
            return unsetIfNoEntry(e);
        }
    }

    @Override
    Map<String, Object> fetchConfig() throws FluxException {
        return object("config.get", conn.answer("config.get", conn.send("config.get", null)));
    }

    @Override
    Optional<String> fetchBrokerEnv(String name) throws FluxException {
        return Optional.ofNullable(envAnswer(envRequest(List.of(name))).get(name));
    }

    private Reply<FluxMessage> envRequest(List<String> names) {
        return conn.send("broker.getenv", FluxMessage.jsonPayload(JsonStyle.COMPACT.write(Map.of("names", names))));
    }

    /** name -> value of the variables the broker has (the unset ones are missing). */
    private Map<String, String> envAnswer(Reply<FluxMessage> f) throws FluxException {
        Map<String, String> out = new LinkedHashMap<>();
        if (object("broker.getenv", conn.answer("broker.getenv", f)).get("env") instanceof Map<?, ?> env) {
            for (Map.Entry<?, ?> e : env.entrySet()) {
                if (e.getValue() != null) {
                    out.put(String.valueOf(e.getKey()), e.getValue().toString());
                }
            }
        }
        return out;
    }

    @Override
    Map<String, Set<String>> fetchLoaded() throws FluxException {
        return modules(object("module.list", conn.answer("module.list", conn.send("module.list", null))));
    }

    /**
     * Sends every request the questions need before reading any answer: one round trip to the
     * broker for all of them. An answer that fails is left for the lazy fetch to report.
     */
    @Override
    public void prefetch(Collection<FactKey> questions) {
        Map<String, Reply<FluxMessage>> attrs = new LinkedHashMap<>();
        List<String> envNames = new ArrayList<>();
        boolean config = false;
        boolean loaded = false;
        // if, not switch: a switch on an enum costs a class of its own on the boot path
        for (FactKey q : questions) {
            FactKind kind = q.kind();
            if (kind == FactKind.ATTR && !knowsAttr(q.name())) {
                attrs.put(q.name(), attrRequest(q.name()));
            } else if (kind == FactKind.CONFIG || kind == FactKind.TABLE) {
                config = !knowsConfig();
            } else if (kind == FactKind.ENV && !knowsEnv(q.name())) {
                envNames.add(q.name());
            } else if (kind == FactKind.LOADED) {
                loaded = !knowsLoaded();
            }
        }
        Reply<FluxMessage> configF = config ? conn.send("config.get", null) : null;
        Reply<FluxMessage> envF = envNames.isEmpty() ? null : envRequest(envNames);
        Reply<FluxMessage> loadedF = loaded ? conn.send("module.list", null) : null;
        for (Map.Entry<String, Reply<FluxMessage>> a : attrs.entrySet()) {
            try {
                rememberAttr(a.getKey(), attrAnswer(a.getValue()));
            } catch (FluxException e) {
                // asked again, and reported, when used
            }
        }
        try {
            if (configF != null) {
                rememberConfig(object("config.get", conn.answer("config.get", configF)));
            }
        } catch (FluxException e) {
            // asked again when used
        }
        try {
            if (envF != null) {
                Map<String, String> got = envAnswer(envF);
                for (String n : envNames) {
                    rememberEnv(n, Optional.ofNullable(got.get(n)));
                }
            }
        } catch (FluxException e) {
            // asked again when used
        }
        try {
            if (loadedF != null) {
                rememberLoaded(modules(object("module.list", conn.answer("module.list", loadedF))));
            }
        } catch (FluxException e) {
            // asked again when used
        }
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
                for (Object s : l) {
                    services.add(String.valueOf(s));
                }
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
