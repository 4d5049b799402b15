package org.fluxmp.rules.facts;

/** A unit in the active set of a run, and what put it there. */
public final class Active {
    private final String name;
    private final String via;
    private final String rule;

    public Active(String name, String via, String rule) {
        this.name = name;
        this.via = via;
        this.rule = rule;
    }

    public String getName() {
        return name;
    }

    public String getVia() {
        return via;
    }

    public String getRule() {
        return rule;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Active)) return false;
        Active x = (Active) o;
        return java.util.Objects.equals(name, x.name) && java.util.Objects.equals(via, x.via) && java.util.Objects.equals(rule, x.rule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, via, rule);
    }

    @Override
    public String toString() {
        return "Active[" + name + ", " + via + ", " + rule + "]";
    }
}
