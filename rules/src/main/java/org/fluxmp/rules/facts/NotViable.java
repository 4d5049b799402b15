package org.fluxmp.rules.facts;

/** An enabled unit whose need has no viable provider anywhere in the config. */
public final class NotViable {
    private final String name;
    private final String need;
    private final String rule;

    public NotViable(String name, String need, String rule) {
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
        if (!(o instanceof NotViable)) return false;
        NotViable x = (NotViable) o;
        return java.util.Objects.equals(name, x.name) && java.util.Objects.equals(need, x.need) && java.util.Objects.equals(rule, x.rule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, need, rule);
    }

    @Override
    public String toString() {
        return "NotViable[" + name + ", " + need + ", " + rule + "]";
    }
}
