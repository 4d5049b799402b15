package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.facts.FactKind;

/**
 * Why a unit is enabled, skipped or replaced, and who provides a service: built from the decisions
 * as plain data (for {@code --json}) and rendered as indented text for people.
 */
public final class Explainer {
    private final Decisions d;
    private final String context;
    private final Map<String, String> inRun;

    /** CONTEXT names the run (e.g. "rc1"); IN_RUN is the run's units after the requires closure -> why. */
    public Explainer(Decisions decisions, String context, Map<String, String> inRun) {
        this.d = decisions;
        this.context = context;
        this.inRun = inRun;
    }

    /** A line of text with its depth. */
    public record Line(int depth, String text) {}

    public boolean isService(String name) {
        return !d.table().unit(name).isPresent() || d.table().providers(name).size() > 1;
    }

    /** Plain data for NAME; ConfigException for an unknown name. */
    public Map<String, Object> explain(String name) {
        if (!d.table().hasService(name)) {
            throw new ConfigException("no such task or module " + name);
        }
        if (isService(name)) {
            Map<String, Object> m = service(name);
            m.put("selected", unit(d.provider(name).get().getName()));
            return m;
        }
        return unit(name);
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        Unit chosen = d.provider(name).get();
        m.put("name", name);
        m.put("kind", "service");
        m.put("rank", d.rank());
        m.put("provider", chosen.getName());
        m.put("rule", d.choice(name).map(c -> c.rule()).orElse(""));
        List<Object> cands = new ArrayList<>();
        List<Unit> providers = d.table().providers(name);
        for (int i = providers.size() - 1; i >= 0; i--) {
            Unit u = providers.get(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", u.getName());
            c.put("priority", u.getPriority());
            c.put("load_order", u.getIndex());
            c.put("viable", d.viable(u.getName()));
            c.put("selected", u == chosen);
            c.put("why", candidateWhy(u));
            c.put("priority_notes", u.getPriorityNotes());
            cands.add(c);
        }
        m.put("candidates", cands);
        return m;
    }

    private String candidateWhy(Unit u) {
        if (!d.enabled(u.getName())) {
            return "not enabled: " + reasons(u.getName());
        }
        Optional<String> need = d.unviableNeed(u.getName());
        return need.map(n -> "not viable: needs " + n + ", which has no viable provider").orElse("viable");
    }

    private String reasons(String unit) {
        List<String> out = new ArrayList<>();
        for (Decisions.Reason r : d.blockedBy(unit)) {
            out.add(r.text());
        }
        return String.join("; ", out);
    }

    private Map<String, Object> unit(String name) {
        Unit u = d.table().unit(name).get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", u.isModule() ? "module" : "task");
        m.put("defined_at", u.getDefinedAt().toString());
        m.put("rank", d.rank());
        m.put("status", status(u));
        m.put("enabled", d.enabled(name));
        m.put("viable", d.viable(name));
        List<Object> rules = new ArrayList<>();
        for (Decisions.Reason r : d.blockedBy(name)) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("rule", r.rule());
            rm.put("reason", r.text());
            rules.add(rm);
        }
        m.put("blocked_by", rules);
        m.put("holds", holds(u));
        m.put("replaced_in", replacedIn(u));
        m.put("chain", chain(u, new HashSet<>()));
        List<String> via = new ArrayList<>();
        if (inRun.containsKey(name)) {
            via.addAll(d.activeVia(name));
            if (!inRun.get(name).isEmpty()) {
                via.add(inRun.get(name));
            }
        }
        m.put("asked_by", via);
        m.put("requested_but_not_enabled", d.droppedVia(name));
        m.put("facts", facts(u));
        return m;
    }

    private String status(Unit u) {
        String n = u.getName();
        if (!d.enabled(n)) {
            // left out of the run by a condition, the ranks or a disable: skipped, as the original says
            return d.activeVia(n).isEmpty() && d.droppedVia(n).isEmpty() ? "not enabled"
                    : "skipped in " + context + ": " + reasons(n);
        }
        if (d.skippedNeed(n).isPresent()) {
            return "skipped in " + context + ": needs " + d.skippedNeed(n).get();
        }
        if (inRun.containsKey(n)) {
            return "runs in " + context;
        }
        if (d.unviableNeed(n).isPresent()) {
            return "not viable";
        }
        return "enabled, but nothing in " + context + " asks for it";
    }

    /** What holds for an enabled unit: rank and each condition. */
    private List<String> holds(Unit u) {
        List<String> out = new ArrayList<>();
        if (!d.enabled(u.getName())) {
            return out;
        }
        if (u.isForceEnabled()) {
            out.add("force-enabled by setup enable (" + u.getForceEnabledBy() + "): ranks and needs-* are not checked");
            return out;
        }
        out.add("ranks = \"" + u.getRanks() + "\" includes rank " + d.rank());
        for (FactKind k : FactKind.CONDITIONS) {
            for (String spec : u.needsOf(k)) {
                Condition c = Condition.parse(k, spec);
                Optional<String> v = d.ledger().value(k, c.key());
                out.add(k.key() + " " + c.spec() + " holds: " + k.noun() + " " + c.key()
                        + v.map(x -> " is \"" + x + "\"").orElse(" is not set"));
            }
        }
        return out;
    }

    /** Services this unit offers whose provider is another unit. */
    private List<String> replacedIn(Unit u) {
        List<String> out = new ArrayList<>();
        for (String s : u.getProvides()) {
            d.provider(s).filter(p -> p != u).ifPresent(p -> out.add(s + " is provided by " + p.getName() + ": "
                    + (d.viable(u.getName()) ? "higher (priority, load order): (" + p.getPriority() + ", " + p.getIndex()
                            + ") against (" + u.getPriority() + ", " + u.getIndex() + ")"
                        : "it is viable and " + u.getName() + " is not")));
        }
        return out;
    }

    /** The chain of needs behind a skip or non-viability, followed to the unit that was blocked. */
    private List<Object> chain(Unit u, Set<String> seen) {
        List<Object> out = new ArrayList<>();
        if (!seen.add(u.getName())) {
            return out;
        }
        Optional<String> need = d.skippedNeed(u.getName()).or(() -> d.unviableNeed(u.getName()));
        if (need.isEmpty() || !d.enabled(u.getName())) {
            return out;
        }
        String s = need.get();
        Map<String, Object> link = new LinkedHashMap<>();
        boolean inRunSkip = d.skippedNeed(u.getName()).isPresent();
        link.put("needs", s);
        link.put("rule", inRunSkip ? "needs-not-in-active-set" : "needs-no-viable-provider");
        List<Object> providers = new ArrayList<>();
        for (Unit p : d.table().providers(s)) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.getName());
            pm.put("state", providerState(p, inRunSkip));
            pm.put("chain", chain(p, seen));
            providers.add(pm);
        }
        link.put("providers", providers);
        out.add(link);
        return out;
    }

    private String providerState(Unit p, boolean inRunSkip) {
        String n = p.getName();
        if (!d.enabled(n)) {
            return "skipped: " + reasons(n);
        }
        if (inRunSkip) {
            if (d.skippedNeed(n).isPresent()) {
                return "skipped: needs " + d.skippedNeed(n).get();
            }
            if (!d.active(n)) {
                return "enabled, but not in " + context;
            }
            return "in " + context;
        }
        return d.unviableNeed(n).map(x -> "not viable: needs " + x).orElse("viable");
    }

    private Map<String, Object> facts(Unit u) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rank", d.rank());
        for (FactKind k : FactKind.CONDITIONS) {
            for (String spec : u.needsOf(k)) {
                Condition c = Condition.parse(k, spec);
                f.put(c.fact().toString(), d.ledger().value(k, c.key()).orElse(null));
            }
        }
        return f;
    }

    /** The explanation as text lines. */
    @SuppressWarnings("unchecked")
    public List<Line> render(Map<String, Object> m) {
        List<Line> out = new ArrayList<>();
        if ("service".equals(m.get("kind"))) {
            out.add(new Line(0, m.get("name") + ": service, rank " + m.get("rank") + ": provided by " + m.get("provider")
                    + " (rule " + m.get("rule") + ")"));
            out.add(new Line(1, "candidates, highest (priority, load order) first:"));
            for (Object o : (List<Object>) m.get("candidates")) {
                Map<String, Object> c = (Map<String, Object>) o;
                out.add(new Line(2, (Boolean.TRUE.equals(c.get("selected")) ? "* " : "  ") + c.get("name") + ": priority "
                        + c.get("priority") + ", load order " + c.get("load_order") + ": " + c.get("why")));
                for (Object note : (List<Object>) c.get("priority_notes")) {
                    out.add(new Line(3, String.valueOf(note)));
                }
            }
            out.add(new Line(0, ""));
            out.addAll(render((Map<String, Object>) m.get("selected")));
            return out;
        }
        out.add(new Line(0, m.get("name") + ": " + m.get("kind") + " (" + m.get("defined_at") + "), rank " + m.get("rank")
                + ": " + m.get("status")));
        for (Object o : (List<Object>) m.get("blocked_by")) {
            Map<String, Object> r = (Map<String, Object>) o;
            out.add(new Line(1, "rule " + r.get("rule") + ": " + r.get("reason")));
        }
        for (Object o : (List<Object>) m.get("holds")) {
            out.add(new Line(1, String.valueOf(o)));
        }
        renderChain((List<Object>) m.get("chain"), 1, out);
        for (Object o : (List<Object>) m.get("replaced_in")) {
            out.add(new Line(1, "replaced: " + o));
        }
        for (Object o : (List<Object>) m.get("asked_by")) {
            out.add(new Line(1, "in " + context + ": " + o));
        }
        for (Object o : (List<Object>) m.get("requested_but_not_enabled")) {
            out.add(new Line(1, "left out of " + context + " although asked for: " + o));
        }
        List<String> facts = new ArrayList<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("facts")).entrySet()) {
            Object v = e.getValue();
            facts.add(e.getKey() + " = " + (v == null ? "(unset)" : v instanceof String ? "\"" + v + "\"" : v));
        }
        out.add(new Line(1, "facts used: " + String.join(", ", facts)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private void renderChain(List<Object> chain, int depth, List<Line> out) {
        for (Object o : chain) {
            Map<String, Object> link = (Map<String, Object>) o;
            out.add(new Line(depth, "rule " + link.get("rule") + ": needs " + link.get("needs") + ", and no provider of "
                    + link.get("needs") + (link.get("rule").equals("needs-not-in-active-set") ? " is left in " + context : " is viable")));
            List<Object> providers = (List<Object>) link.get("providers");
            if (providers.isEmpty()) {
                out.add(new Line(depth + 1, link.get("needs") + ": nothing provides it"));
            }
            for (Object p : providers) {
                Map<String, Object> pm = (Map<String, Object>) p;
                out.add(new Line(depth + 1, link.get("needs") + " → " + pm.get("name") + " " + pm.get("state")));
                renderChain((List<Object>) pm.get("chain"), depth + 2, out);
            }
        }
    }
}
