package org.fluxmp.boot.flux;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;

/**
 * Broker facts through the {@code flux} command: {@code flux getattr NAME}, {@code flux config
 * get} (the whole object, once), {@code flux module list}, and {@code flux python} for the
 * broker's environment. {@code flux module list} does not mark the broker's built-in modules,
 * so here they count as loaded; no modprobe.toml names them, so nothing acts on them.
 */
public final class FluxCliFacts extends BrokerFacts {
    private final FluxCommand flux;

    public FluxCliFacts(FluxCommand flux, Map<String, String> localEnv) {
        super(localEnv);
        this.flux = flux;
    }

    @Override
    Optional<String> fetchAttr(String name) throws FluxException {
        try {
            String out = flux.check(List.of("getattr", name), name + ": ");
            return Optional.of(out.endsWith("\n") ? out.substring(0, out.length() - 1) : out);
        } catch (FluxException e) {
            return unsetIfNoEntry(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    Map<String, Object> fetchConfig() throws FluxException {
        String out = flux.check(List.of("config", "get"), "");
        try {
            if (Json.parse(out.strip()) instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new FluxException(Errno.EPROTO, "flux config get: not a JSON object: " + out.strip());
    }

    @Override
    Optional<String> fetchBrokerEnv(String name) throws FluxException {
        String out = flux.rpc("broker.getenv", JsonStyle.COMPACT.write(Map.of("names", List.of(name))));
        try {
            if (Json.parse(out) instanceof Map<?, ?> m && m.get("env") instanceof Map<?, ?> env) {
                Object v = env.get(name);
                return Optional.ofNullable(v == null ? null : v.toString());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new FluxException(Errno.EPROTO, "broker.getenv: unexpected answer: " + out);
    }

    /** {@code flux module list}: after the header, NAME IDLE STATE SENDQ RECVQ [SERVICE,...] per line. */
    @Override
    Map<String, Set<String>> fetchLoaded() throws FluxException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String[] lines = flux.check(List.of("module", "list"), "").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 5 || f[0].isEmpty()) {
                continue;
            }
            Set<String> services = new LinkedHashSet<>();
            services.add(f[0]);
            if (f.length > 5) {
                services.addAll(List.of(f[5].split(",")));
            }
            out.put(f[0], services);
        }
        return out;
    }
}
