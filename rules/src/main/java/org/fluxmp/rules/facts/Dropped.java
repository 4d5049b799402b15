package org.fluxmp.rules.facts;

/** A requested unit left out of the active set because it is not enabled. */
public final class Dropped {
    private final String name;
    private final String via;

    public Dropped(String name, String via) {
        this.name = name;
        this.via = via;
    }

    public String getName() {
        return name;
    }

    public String getVia() {
        return via;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dropped)) return false;
        Dropped x = (Dropped) o;
        return java.util.Objects.equals(name, x.name) && java.util.Objects.equals(via, x.via);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, via);
    }

    @Override
    public String toString() {
        return "Dropped[" + name + ", " + via + "]";
    }
}
