package org.fluxmp.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.rules.facts.Active;
import org.fluxmp.rules.facts.Blocked;
import org.fluxmp.rules.facts.BrokerRank;
import org.fluxmp.rules.facts.Chosen;
import org.fluxmp.rules.facts.Dropped;
import org.fluxmp.rules.facts.KnownValue;
import org.fluxmp.rules.facts.Need;
import org.fluxmp.rules.facts.NotViable;
import org.fluxmp.rules.facts.Offer;
import org.fluxmp.rules.facts.Seed;
import org.fluxmp.rules.facts.Skipped;
import org.fluxmp.rules.facts.UnitCondition;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rules of {@code decisions.drl} over a unit table and broker facts. The rules were
 * compiled to Java at build time (the executable model), so no DRL is parsed here.
 */
final class Decider {
    private static final String MODEL_INDEX = "META-INF/kie/org.fluxmp/flux-modprobe-rules/drools-model";
    private static KieBase kieBase;

    private Decider() {}

    static synchronized KieBase kieBase() {
        if (kieBase == null) {
            List<Model> models = new ArrayList<>();
            for (String className : modelClassNames()) {
                try {
                    models.add((Model) Class.forName(className).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("rule model " + className + " is missing from the build", e);
                }
            }
            kieBase = KieBaseBuilder.createKieBaseFromModel(models);
        }
        return kieBase;
    }

    private static List<String> modelClassNames() {
        try (InputStream in = Decider.class.getClassLoader().getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_INDEX + " not found: the rules were not compiled at build time");
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.trim();
                if (!line.isEmpty() && !line.contains(":")) {
                    names.add(line);
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decides for every unit; SEEDS (may be empty) are what a run asks for. */
    static Decisions decide(UnitTable table, FactLedger ledger, int rank, List<Seed> seeds) {
        KieSession session = kieBase().newKieSession();
        try {
            session.setGlobal("ledger", ledger);
            session.insert(new BrokerRank(rank));
            for (Unit u : table.units()) {
                session.insert(u);
                for (String service : u.getServices()) {
                    session.insert(new Offer(service, u));
                }
                for (String need : u.getNeeds()) {
                    session.insert(new Need(u.getName(), need));
                }
                for (FactKind kind : FactKind.CONDITIONS) {
                    for (String spec : u.needsOf(kind)) {
                        Condition c = Condition.parse(kind, spec);
                        session.insert(new UnitCondition(u.getName(), c, u.isForceEnabled()));
                        ledger.value(kind, c.key()).ifPresent(v -> session.insert(new KnownValue(kind, c.key(), v)));
                    }
                }
            }
            session.fireAllRules();
            for (Seed seed : seeds) {
                session.insert(seed);
            }
            session.fireAllRules();
            Decisions.Builder out = new Decisions.Builder(table, ledger, rank);
            for (Object o : session.getObjects()) {
                if (o instanceof Blocked) {
                    out.blocked((Blocked) o);
                } else if (o instanceof NotViable) {
                    out.notViable((NotViable) o);
                } else if (o instanceof Chosen) {
                    out.chosen((Chosen) o);
                } else if (o instanceof Active) {
                    out.active((Active) o);
                } else if (o instanceof Dropped) {
                    out.dropped((Dropped) o);
                } else if (o instanceof Skipped) {
                    out.skipped((Skipped) o);
                }
            }
            return out.build();
        } finally {
            session.dispose();
        }
    }
}
