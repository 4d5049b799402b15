package org.fluxmp.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fluxmp.boot.facts.FactKind;

/** {@code ${attr:NAME}}, {@code ${env:NAME}}, {@code ${config:KEY}} in setup values. */
final class Expansion {
    private static final Pattern REF = Pattern.compile("\\$\\{(attr|env|config):([^}]*)}");

    private Expansion() {}

    /** The expanded value, or empty when a reference is unset (the setup entry is then a no-op). */
    static Optional<String> expand(String value, FactLedger ledger) {
        Matcher m = REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            FactKind kind = m.group(1).equals("attr") ? FactKind.ATTR : m.group(1).equals("env") ? FactKind.ENV : FactKind.CONFIG;
            Optional<String> v = kind == FactKind.ENV ? ledger.expandedEnv(m.group(2)) : ledger.value(kind, m.group(2));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.get()));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
