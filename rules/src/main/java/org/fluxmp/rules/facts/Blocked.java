package org.fluxmp.rules.facts;

/** A unit is not enabled: the rule that said so and why. */
public final class Blocked {
    private final String name;
    private final String rule;
    private final String reason;

    public Blocked(String name, String rule, String reason) {
        this.name = name;
        this.rule = rule;
        this.reason = reason;
    }

    public String getName() {
        return name;
    }

    public String getRule() {
        return rule;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Blocked)) return false;
        Blocked x = (Blocked) o;
        return java.util.Objects.equals(name, x.name) && java.util.Objects.equals(rule, x.rule) && java.util.Objects.equals(reason, x.reason);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, rule, reason);
    }

    @Override
    public String toString() {
        return "Blocked[" + name + ", " + rule + ", " + reason + "]";
    }
}
