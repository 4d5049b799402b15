package org.fluxmp.runner.cli;

import org.fluxmp.boot.ToolException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.fluxmp.boot.cache.RecordingFacts;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.IdRanges;
import org.fluxmp.boot.facts.RankSet;

/**
 * Splits a set of ranks into classes of ranks that decide alike, deciding once per class (issue
 * 11). A decision depends on the rank only through which rank expressions matched it (the plan
 * cache keys on the same), so once rank R is decided, every rank that the expressions it used
 * match or miss exactly as they match or miss R gets the same decision: that set, cut out of the
 * ranks still to decide with range arithmetic, is R's class. The loop then takes the lowest rank
 * left. The work grows with the expressions' ranges and the classes, never with the ranks.
 *
 * <p>A decision that read the rank itself (the attribute {@code rank}, e.g. in {@code
 * ${attr:rank}}) holds for its rank alone, which is then a class of one.
 */
final class RankClasses {
    /** Threads that decide classes side by side: one per core. */
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    private RankClasses() {}

    /**
     * What deciding one rank gave, with what it depended on: PLAN makes the class's value given
     * how long the solver may search for it (ms).
     */
    record Decided<T>(LongFunction<T> plan, Map<RankSet, Boolean> rankSets, boolean rankItself) {}

    /** A search share below this is not worth building the solver's model for: list scheduling only. */
    static final long MIN_SEARCH_MS = 20;

    /** A class of ranks and the value decided for its lowest rank. */
    record RankClass<T>(IdRanges ranks, T value) {}

    /** The classes of RANKS in ascending order of their lowest rank, one thread, no search budget. */
    static <T> List<RankClass<T>> split(IdRanges ranks, IntFunction<Decided<T>> decide) {
        return split(ranks, decide, 1, 0, null);
    }

    /**
     * The classes of RANKS in ascending order of their lowest rank; DECIDE runs once per class,
     * on up to THREADS threads. EXPRESSIONS (when known before deciding: the configuration's rank
     * expressions) predict the classes, else the expressions that the lowest rank's decision used
     * do; the predicted classes' lowest ranks are decided side by side. Each decision still makes
     * its own class, and ranks that no decision covered are decided one by one. The solver
     * searches for TIME_LIMIT_MS in all, shared equally by the predicted classes ({@link #share}).
     */
    static <T> List<RankClass<T>> split(IdRanges ranks, IntFunction<Decided<T>> decide, int threads, long timeLimitMs,
            Collection<RankSet> expressions) {
        List<RankClass<T>> out = new ArrayList<>();
        if (ranks.isEmpty()) {
            return out;
        }
        List<IdRanges> predicted;
        List<Outcome<T>> outcomes = new ArrayList<>();
        Decided<T> first = null;
        if (expressions == null) {
            first = decide.apply(ranks.first());
            expressions = first.rankSets().keySet();
        }
        predicted = partition(ranks, expressions);
        long share = share(timeLimitMs, predicted.size());
        java.util.Set<RankSet> used = new java.util.HashSet<>(expressions);
        if (first != null) {
            outcomes.add(new Outcome<>(first, null));
        }
        // a decision that read exactly the predicted expressions serves exactly its predicted class:
        // it is planned on its own thread right away
        outcomes.addAll(inParallel(predicted.subList(outcomes.size(), predicted.size()), c -> {
            Decided<T> d = decide.apply(c.first());
            boolean exact = !d.rankItself() && d.rankSets().keySet().equals(used);
            return new Outcome<>(d, exact ? d.plan().apply(share) : null);
        }, threads));
        IdRanges left = ranks;
        List<IdRanges> classes = new ArrayList<>();
        List<Decided<T>> deferred = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            int rank = predicted.get(i).first();
            if (left.contains(rank)) {
                Outcome<T> o = outcomes.get(i);
                IdRanges cls = classOf(left, rank, o.decided());
                if (o.value() != null && cls.equals(predicted.get(i))) {
                    out.add(new RankClass<>(cls, o.value()));
                } else {
                    classes.add(cls);
                    deferred.add(o.decided());
                }
                left = left.minus(cls);
            }
        }
        List<T> values = inParallel(deferred, d -> d.plan().apply(share), threads);
        for (int i = 0; i < deferred.size(); i++) {
            out.add(new RankClass<>(classes.get(i), values.get(i)));
        }
        while (!left.isEmpty()) {
            int rank = left.first();
            Decided<T> d = decide.apply(rank);
            IdRanges cls = classOf(left, rank, d);
            out.add(new RankClass<>(cls, d.plan().apply(share)));
            left = left.minus(cls);
        }
        out.sort((a, b) -> Integer.compare(a.ranks().first(), b.ranks().first()));
        return out;
    }

    /** A decision and, when it was planned at once, its value. */
    private record Outcome<T>(Decided<T> decided, T value) {}

    /** The files read as one rank: the reading, the facts it asked (recorded), and whether a setup {@code run} step ran. */
    record Reading<R>(R value, RecordingFacts facts, boolean setupRan) {}

    /** How a command decides a rank from a reading. */
    interface Decide<R, T> {
        Decided<T> at(R reading, int rank);
    }

    /**
     * The classes of WANTED for a command that reads the files (READ, as a rank) and decides
     * from the reading (DECIDE). When the reading does not depend on the rank — no setup {@code
     * run} step ran and nothing asked for the attribute {@code rank} — the files are read once,
     * as the lowest rank, every class is decided from that reading, and the configuration's rank
     * expressions (EXPRESSIONS of the reading) predict the classes, so that all of them are
     * decided side by side. Otherwise each class reads the files again as its own lowest rank.
     */
    static <R, T> List<RankClass<T>> split(IdRanges wanted, IntFunction<Reading<R>> read,
            Function<R, Collection<RankSet>> expressions, Decide<R, T> decide, long timeLimitMs) {
        if (wanted.isEmpty()) {
            return new ArrayList<>();
        }
        Reading<R> once = read.apply(wanted.first());
        if (!once.setupRan() && !asksRank(once.facts())) {
            List<RankClass<T>> classes = split(wanted, rank -> decide.at(once.value(), rank), THREADS, timeLimitMs,
                    expressions.apply(once.value()));
            if (!asksRank(once.facts())) {
                return classes;
            }
        }
        return split(wanted, rank -> {
            Reading<R> own = read.apply(rank);
            Decided<T> d = decide.at(own.value(), rank);
            return new Decided<>(d.plan(), d.rankSets(), asksRank(own.facts()));
        }, THREADS, timeLimitMs, null);
    }

    /** Whether a decision asked for the rank itself (the attribute {@code rank}, as in {@code ${attr:rank}}). */
    private static boolean asksRank(RecordingFacts facts) {
        return facts.seen().containsKey(FactKey.RANK);
    }

    /** The solver's search time per class when CLASSES share TIME_LIMIT_MS; 0 (list scheduling) below {@link #MIN_SEARCH_MS}. */
    static long share(long timeLimitMs, int classes) {
        long s = timeLimitMs / Math.max(1, classes);
        return s < Math.min(MIN_SEARCH_MS, timeLimitMs) ? 0 : s;
    }

    /** The ranks of LEFT that D holds for: RANK alone when D read the rank itself. */
    private static IdRanges classOf(IdRanges left, int rank, Decided<?> d) {
        return d.rankItself() ? IdRanges.range(rank, rank) : alike(left, d.rankSets());
    }

    /** LEFT split by which of EXPRESSIONS each rank matches. */
    static List<IdRanges> partition(IdRanges left, Collection<RankSet> expressions) {
        List<IdRanges> sets = new ArrayList<>();
        for (RankSet e : expressions) {
            sets.add(e.ranks());
        }
        List<IdRanges> out = new ArrayList<>();
        IdRanges rest = left;
        while (!rest.isEmpty()) {
            int rank = rest.first();
            IdRanges cls = rest;
            for (IdRanges s : sets) {
                cls = s.contains(rank) ? cls.intersect(s) : cls.minus(s);
            }
            out.add(cls);
            rest = rest.minus(cls);
        }
        return out;
    }

    /** FN applied to each of ITEMS on up to THREADS threads, results in the items' order; the first failure is thrown. */
    private static <A, B> List<B> inParallel(List<A> items, Function<A, B> fn, int threads) {
        if (threads <= 1 || items.size() <= 1) {
            List<B> out = new ArrayList<>();
            for (A item : items) {
                out.add(fn.apply(item));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rank-class");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<B>> futures = new ArrayList<>();
            for (A item : items) {
                futures.add(pool.submit(() -> fn.apply(item)));
            }
            List<B> out = new ArrayList<>();
            for (Future<B> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding rank classes", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ranks of LEFT that every expression of RANK_SETS matches (true) or misses (false) as recorded. */
    static IdRanges alike(IdRanges left, Map<RankSet, Boolean> rankSets) {
        IdRanges cls = left;
        for (Map.Entry<RankSet, Boolean> e : rankSets.entrySet()) {
            IdRanges matched = e.getKey().ranks();
            cls = e.getValue() ? cls.intersect(matched) : cls.minus(matched);
        }
        return cls;
    }

    /**
     * A grouping key whose OUTLINE decides unless two outlines agree; then the FULL identities
     * (worked out only then) decide.
     */
    record Key(Object outline, java.util.function.Supplier<?> full) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && outline.equals(k.outline) && full.get().equals(k.full.get());
        }

        @Override
        public int hashCode() {
            return outline.hashCode();
        }
    }

    /**
     * Classes whose values have the same IDENTITY merged into one, in order of their lowest rank:
     * what a report shows when it groups ranks that get the same plan.
     */
    static <T> List<RankClass<T>> merged(List<RankClass<T>> classes, Function<T, ?> identity) {
        Map<Object, RankClass<T>> groups = new LinkedHashMap<>();
        for (RankClass<T> c : classes) {
            groups.merge(identity.apply(c.value()), c,
                    (a, b) -> new RankClass<>(a.ranks().union(b.ranks()), a.value()));
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * The ranks of a {@code --ranks} option: an RFC 22 idset, or {@code all} for 0 to SIZE - 1.
     * Any idset is accepted (no cap: the work is per class).
     */
    static IdRanges parse(String option, String text, java.util.function.IntSupplier size) {
        if (text.equals("all")) {
            return IdRanges.range(0, size.getAsInt() - 1L);
        }
        RankSet set;
        try {
            set = RankSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw org.fluxmp.boot.ToolException.usage(option + ": " + e.getMessage());
        }
        if (!set.isIdset()) {
            throw org.fluxmp.boot.ToolException.usage(option + ": expected an idset such as 0-15 or all, not " + text);
        }
        return set.ranks();
    }
}
