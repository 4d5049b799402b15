package org.fluxmp.boot.flux;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.facts.Facts;

/**
 * Facts read from a real broker on first use and remembered for the run, so that only the facts a
 * decision names are ever fetched, each once. Subclasses say how to fetch (connection or
 * {@code flux} command); a failure becomes an error naming the fact.
 */
abstract class BrokerFacts implements Facts {
    private final Map<String, String> localEnv;
    private final Map<String, Optional<String>> attrs = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> brokerEnv = new ConcurrentHashMap<>();
    private volatile BrokerConfig config;
    private volatile Map<String, Set<String>> loaded;
    private volatile Integer rank;

    BrokerFacts(Map<String, String> localEnv) {
        this.localEnv = Map.copyOf(localEnv);
    }

    /** The attribute's value, empty when the broker says it is not set (ENOENT). */
    abstract Optional<String> fetchAttr(String name) throws FluxException;

    /** The broker's whole config object. */
    abstract Map<String, Object> fetchConfig() throws FluxException;

    /** The variable in the broker's environment. */
    abstract Optional<String> fetchBrokerEnv(String name) throws FluxException;

    /** Loaded modules other than the broker's built-in ones, each with its services (its name first). */
    abstract Map<String, Set<String>> fetchLoaded() throws FluxException;

    @Override
    public int rank() {
        if (rank == null) {
            Optional<String> a = attr("rank");
            if (a.isEmpty()) {
                throw ToolException.broker("the broker has no rank attribute");
            }
            String r = a.get();
            try {
                rank = Integer.parseInt(r.strip());
            } catch (NumberFormatException e) {
                throw ToolException.broker("the broker's rank attribute is not a number: " + r);
            }
        }
        return rank;
    }

    @Override
    public Optional<String> attr(String name) {
        return cached(attrs, name, false);
    }

    /** NAME's value from CACHE, fetched once: a broker attribute, or (ENV) a broker environment variable. */
    private Optional<String> cached(Map<String, Optional<String>> cache, String name, boolean env) {
        Optional<String> v = cache.get(name);
        if (v == null) {
            try {
                v = env ? fetchBrokerEnv(name) : fetchAttr(name);
            } catch (FluxException e) {
                throw failed((env ? "environment variable " : "attribute ") + name, e);
            }
            cache.put(name, v);
        }
        return v;
    }

    /** A broker attribute that is not there (ENOENT) is unset; any other failure stands. */
    static Optional<String> unsetIfNoEntry(FluxException e) throws FluxException {
        if (e.errnum() == Errno.ENOENT) {
            return Optional.empty();
        }
        throw e;
    }

    @Override
    public Optional<String> config(String dottedKey) {
        return config().value(dottedKey);
    }

    @Override
    public Map<String, Object> configTable(String dottedKey) {
        return config().table(dottedKey);
    }

    private BrokerConfig config() {
        if (config == null) {
            try {
                config = new BrokerConfig(fetchConfig());
            } catch (FluxException e) {
                throw failed("config", e);
            }
        }
        return config;
    }

    @Override
    public Optional<String> env(String name) {
        String local = localEnv.get(name);
        if (local != null) {
            return Optional.of(local);
        }
        return cached(brokerEnv, name, true);
    }

    @Override
    public Map<String, Set<String>> loadedModules() {
        if (loaded == null) {
            try {
                loaded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fetchLoaded()));
            } catch (FluxException e) {
                throw failed("the list of loaded modules", e);
            }
        }
        return loaded;
    }

    boolean knowsAttr(String name) {
        return attrs.containsKey(name);
    }

    boolean knowsEnv(String name) {
        return localEnv.containsKey(name) || brokerEnv.containsKey(name);
    }

    boolean knowsConfig() {
        return config != null;
    }

    boolean knowsLoaded() {
        return loaded != null;
    }

    void rememberAttr(String name, Optional<String> value) {
        attrs.putIfAbsent(name, value);
    }

    void rememberEnv(String name, Optional<String> value) {
        brokerEnv.putIfAbsent(name, value);
    }

    void rememberConfig(Map<String, Object> whole) {
        if (config == null) {
            config = new BrokerConfig(whole);
        }
    }

    void rememberLoaded(Map<String, Set<String>> modules) {
        if (loaded == null) {
            loaded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        }
    }

    private static ToolException failed(String what, FluxException e) {
        return ToolException.broker("cannot read " + what + " from the broker: " + e.getMessage());
    }
}
