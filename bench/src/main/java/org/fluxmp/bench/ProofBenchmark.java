package org.fluxmp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fluxmp.solver.schedule.Schedule;
import org.fluxmp.solver.schedule.Scheduler;
import org.fluxmp.solver.schedule.TaskGraph;

/**
 * Issue 17: how many generated plans the solver proves optimal within the time limit, and how
 * long the proof takes. Plan families (independent tasks, sparse orderings, layered) × size band
 * × W × duration range; a row per combination, then the targets. Prints; asserts nothing.
 *
 * <p>Arguments: [TIME_LIMIT_MS [PLANS_PER_ROW]] (default 200 ms, 20 plans).
 */
public final class ProofBenchmark {
    static final int[][] BANDS = {{8, 12}, {13, 16}, {17, 24}, {25, 32}, {33, 40}};
    static final int[] WORKERS = {2, 3, 4, 6, 8};
    static final SmallPlans.Durations WIDE = new SmallPlans.Durations(5, 200);
    static final SmallPlans.Durations NARROW = new SmallPlans.Durations(90, 110);

    enum Family { INDEPENDENT, SPARSE, LAYERED }

    /** One solved plan: its size, whether it was proven optimal, the solve time (ms), makespan / bound. */
    record Run(Family family, int tasks, boolean proven, double ms, double gap) {}

    private ProofBenchmark() {}

    public static void main(String[] args) {
        long limit = args.length > 0 ? Long.parseLong(args[0]) : Scheduler.DEFAULT_TIME_LIMIT_MS;
        int perRow = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        warmUp(limit);
        System.out.println("## Proofs (time limit " + limit + " ms, " + perRow + " plans per row)");
        System.out.println();
        System.out.println("| plans | tasks | W | durations (ms) | proven | time to proof median / p95 / max (ms) "
                + "| unproven: makespan / bound (max) |");
        System.out.println("|---|---|---:|---|---:|---:|---:|");
        List<Run> all = new ArrayList<>();
        int row = 0;
        for (Family family : Family.values()) {
            for (int[] band : BANDS) {
                for (int w : WORKERS) {
                    for (SmallPlans.Durations d : List.of(WIDE, NARROW)) {
                        Random r = new Random(17_000L + row++);
                        List<Run> runs = new ArrayList<>();
                        for (int k = 0; k < perRow; k++) {
                            runs.add(solve(family, band[0] + r.nextInt(band[1] - band[0] + 1), w, d, r, limit));
                        }
                        all.addAll(runs);
                        System.out.println(row(family.name().toLowerCase(Locale.ROOT), band, w, d, runs));
                    }
                }
            }
        }
        targets(all);
    }

    static Run solve(Family family, int n, int w, SmallPlans.Durations d, Random r, long limit) {
        TaskGraph g = switch (family) {
            case INDEPENDENT -> SmallPlans.independent(r, n, d);
            case SPARSE -> SmallPlans.sparse(r, n, d);
            case LAYERED -> SmallPlans.layered(r, n, d);
        };
        Schedule s = Scheduler.schedule(g, w, limit);
        return new Run(family, n, s.method().equals("optimal"), s.solveMicros() / 1000.0,
                (double) s.makespan() / s.lowerBound());
    }

    /** Compiles the solver's hot paths before anything is measured. */
    static void warmUp(long limit) {
        Random r = new Random(1);
        for (int k = 0; k < 300; k++) {
            solve(Family.values()[k % 3], 8 + r.nextInt(20), 2 + r.nextInt(4), k % 2 == 0 ? WIDE : NARROW, r, limit);
        }
    }

    static String row(String family, int[] band, int w, SmallPlans.Durations d, List<Run> runs) {
        double[] times = runs.stream().filter(Run::proven).mapToDouble(Run::ms).sorted().toArray();
        double worstGap = runs.stream().filter(x -> !x.proven()).mapToDouble(Run::gap).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "| %s | %d-%d | %d | %d-%d | %d/%d | %s | %s |", family, band[0], band[1], w,
                d.min(), d.max(), times.length, runs.size(), quantiles(times),
                Double.isNaN(worstGap) ? "-" : String.format(Locale.ROOT, "%.4f", worstGap));
    }

    static String quantiles(double[] sorted) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f / %.1f", quantile(sorted, 0.5), quantile(sorted, 0.95),
                sorted[sorted.length - 1]);
    }

    static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** The targets against what was measured. */
    static void targets(List<Run> all) {
        List<Run> small = all.stream().filter(x -> x.tasks() <= 16).toList();
        List<Run> large = all.stream().filter(x -> x.tasks() > 16).toList();
        List<Run> free = all.stream().filter(x -> x.family() == Family.INDEPENDENT && x.tasks() < 13).toList();
        double[] smallTimes = small.stream().mapToDouble(Run::ms).sorted().toArray();
        System.out.println();
        System.out.println("| target | measured |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| every plan of up to 16 tasks proven | %d of %d |%n", proven(small), small.size());
        System.out.printf(Locale.ROOT, "| median time to proof up to 16 tasks < 20 ms | %.2f ms (p95 %.2f ms) |%n",
                quantile(smallTimes, 0.5), quantile(smallTimes, 0.95));
        System.out.printf(Locale.ROOT, "| at least 95 %% of 17-40 tasks proven | %d of %d (%.1f %%) |%n", proven(large),
                large.size(), 100.0 * proven(large) / large.size());
        System.out.printf(Locale.ROOT, "| no order, below 13 tasks: none unproven | %d of %d unproven |%n",
                free.size() - proven(free), free.size());
        double[] largeTimes = large.stream().filter(Run::proven).mapToDouble(Run::ms).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n17-40 tasks, time to proof: %s ms (median / p95 / max)%n", quantiles(largeTimes));
    }

    private static int proven(List<Run> runs) {
        return (int) runs.stream().filter(Run::proven).count();
    }
}
