package org.fluxmp.runner.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.StaticFacts;

/**
 * A real broker's facts with the preview overrides ({@code --rank --attr --conf --config-file
 * --env}) laid on top, as if the overrides' config were merged into the broker's: a key the
 * overrides set wins, a scalar they set hides the broker's table under it.
 */
final class PreviewFacts implements Facts {
    private final Facts broker;
    private final Integer rank;
    private final StaticFacts over;

    PreviewFacts(Facts broker, Integer rank, StaticFacts over) {
        this.broker = broker;
        this.rank = rank;
        this.over = over;
    }

    @Override
    public int rank() {
        return rank != null ? rank : broker.rank();
    }

    @Override
    public Optional<String> attr(String name) {
        String v = over.attrs().get(name);
        return v != null ? Optional.of(v) : broker.attr(name);
    }

    @Override
    public Optional<String> config(String dottedKey) {
        Object cur = over.config();
        String[] parts = dottedKey.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            cur = ((Map<?, ?>) cur).get(parts[i]);
            if (cur == null) {
                return broker.config(dottedKey);
            }
            if (i < parts.length - 1 && !(cur instanceof Map)) {
                return Optional.empty();
            }
        }
        return Optional.of(cur instanceof String s ? s : String.valueOf(cur));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> configTable(String dottedKey) {
        Object cur = over.config();
        for (String part : dottedKey.split("\\.")) {
            cur = ((Map<?, ?>) cur).get(part);
            if (cur == null) {
                return broker.configTable(dottedKey);
            }
            if (!(cur instanceof Map)) {
                return Map.of();
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(broker.configTable(dottedKey));
        StaticFacts.merge(merged, (Map<String, Object>) cur);
        return merged;
    }

    @Override
    public Optional<String> env(String name) {
        Optional<String> v = over.env(name);
        return v.isPresent() ? v : broker.env(name);
    }

    @Override
    public Map<String, Set<String>> loadedModules() {
        return broker.loadedModules();
    }
}
