package org.fluxmp.rules.facts;

/** An active unit skipped because a need has no provider left in the active set. */
public final class Skipped {
    private final String name;
    private final String need;
    private final String rule;

    public Skipped(String name, String need, String rule) {
        this.name = name;
        this.need = need;
        this.rule = rule;
    }

    public String getName() {
        return name;
    }

    public String getNeed() {
        return need;
    }

    public String getRule() {
        return rule;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Skipped)) return false;
        Skipped x = (Skipped) o;
        return java.util.Objects.equals(name, x.name) && java.util.Objects.equals(need, x.need) && java.util.Objects.equals(rule, x.rule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, need, rule);
    }

    @Override
    public String toString() {
        return "Skipped[" + name + ", " + need + ", " + rule + "]";
    }
}
