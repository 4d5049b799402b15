package org.fluxmp.boot.cache;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * Decides whether a stored plan still holds: every recorded broker fact has the same value, every
 * rank expression matches the current rank as it did, and every setup step prints the same
 * directives. Setup steps that ran during the check are left in REPLAY so a miss does not run them
 * again.
 */
public final class CacheCheck {
    private CacheCheck() {}

    /** The first of VARIANTS that holds; setup steps run at most once each across variants. */
    public static Optional<Plan> firstValid(List<CacheEntry> variants, Facts facts, SetupStepRunner steps,
            Deque<SetupRecord> replay) {
        SetupStepRunner once = new Once(steps, replay);
        Answers answers = new Answers(facts);
        for (CacheEntry e : variants) {
            Optional<Plan> p = validate(e, answers, once, new java.util.ArrayDeque<>());
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** Every fact question the entries recorded, and the rank (which every check reads), once each. */
    public static java.util.Set<FactKey> questions(List<CacheEntry> entries) {
        java.util.Set<FactKey> out = new java.util.LinkedHashSet<>();
        out.add(FactKey.RANK);
        for (CacheEntry e : entries) {
            out.addAll(e.facts().keySet());
        }
        return out;
    }

    /** Runs each distinct setup script once, keeping its output in REPLAY. */
    private static final class Once implements SetupStepRunner {
        private final Map<String, List<String>> ran = new java.util.HashMap<>();
        private final SetupStepRunner steps;
        private final Deque<SetupRecord> replay;

        Once(SetupStepRunner steps, Deque<SetupRecord> replay) {
            this.steps = steps;
            this.replay = replay;
        }

        @Override
        public List<String> run(String script, Place place) {
            List<String> out = ran.get(script);
            if (out == null) {
                out = List.copyOf(steps.run(script, place));
                ran.put(script, out);
                replay.addLast(new SetupRecord(script, place.file(), place.line(), out));
            }
            return out;
        }
    }

    /**
     * The current answers to the facts entries ask, each worked out once: a file may hold a
     * variant per rank class, all asking about the same facts.
     */
    private static final class Answers {
        private final Facts facts;
        private final int rank;
        private final Map<FactKey, String> answered = new java.util.HashMap<>();

        Answers(Facts facts) {
            this.facts = facts;
            this.rank = facts.rank();
        }

        String fact(FactKey question) {
            if (!answered.containsKey(question)) {
                answered.put(question, question.valueIn(facts));
            }
            return answered.get(question);
        }
    }

    public static Optional<Plan> validate(CacheEntry e, Facts facts, SetupStepRunner steps, Deque<SetupRecord> replay) {
        return validate(e, new Answers(facts), steps, replay);
    }

    private static Optional<Plan> validate(CacheEntry e, Answers answers, SetupStepRunner steps,
            Deque<SetupRecord> replay) {
        for (Map.Entry<RankSet, Boolean> r : e.rankSets().entrySet()) {
            if (r.getKey().contains(answers.rank) != r.getValue()) {
                return Optional.empty();
            }
        }
        for (Map.Entry<FactKey, String> f : e.facts().entrySet()) {
            if (!Objects.equals(answers.fact(f.getKey()), f.getValue())) {
                return Optional.empty();
            }
        }
        int rank = answers.rank;
        for (SetupRecord s : e.setup()) {
            List<String> out = steps.run(s.script(), new Place(s.file(), s.line()));
            replay.addLast(new SetupRecord(s.script(), s.file(), s.line(), List.copyOf(out)));
            if (!out.equals(s.directives())) {
                return Optional.empty();
            }
        }
        Plan p;
        try {
            p = e.plan();
        } catch (RuntimeException undecodable) {
            return Optional.empty();
        }
        return Optional.of(new Plan(rank, p.tasks(), p.alternatives(), p.setopt(), p.overwritten(), p.data(), p.env(),
                p.workers(), p.method()));
    }
}
