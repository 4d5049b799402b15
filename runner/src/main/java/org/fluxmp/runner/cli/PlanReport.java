package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fluxmp.boot.plan.PlanTask;
import org.fluxmp.rules.SkippedUnits;
import org.fluxmp.solver.SolvedPlan;
import org.fluxmp.solver.schedule.Schedule;

/**
 * What {@code solve} prints about one rank's plan: the JSON object of SPEC 6 and the text for
 * people. Reasons that name the rank are kept apart from it, so that ranks with the same plan
 * compare equal and a group of ranks can name all of them.
 */
final class PlanReport {
    private static final String RANK_MARK = "\u0000ranks\u0000";

    private final SolvedPlan solved;
    private final List<SkippedUnits.Skip> skipped;
    private final String run;
    private String identity;

    PlanReport(String run, SolvedPlan solved, List<SkippedUnits.Skip> skipped) {
        this.run = run;
        this.solved = solved;
        List<SkippedUnits.Skip> marked = new ArrayList<>();
        Pattern rank = Pattern.compile("\\brank " + solved.plan().rank() + "\\b");
        for (SkippedUnits.Skip s : skipped) {
            marked.add(new SkippedUnits.Skip(s.name(), rank.matcher(s.reason()).replaceAll(Matcher.quoteReplacement(RANK_MARK))));
        }
        this.skipped = marked;
    }

    int rank() {
        return solved.plan().rank();
    }

    /**
     * What tells plans apart: an outline (the enabled tasks in start order and the skipped ones)
     * that is cheap to compare, and the whole plan without its rank, worked out only to compare
     * two reports whose outlines agree.
     */
    Object key() {
        List<Object> outline = new ArrayList<>(solved.schedule().order());
        for (SkippedUnits.Skip k : skipped) {
            outline.add(k.name());
        }
        return new RankClasses.Key(outline, this::identity);
    }

    /** The plan without its rank: equal for ranks that get the same plan. */
    String identity() {
        if (identity == null) {
            Map<String, Object> m = json(RANK_MARK);
            m.remove("rank");
            m.remove("solve_ms");
            identity = org.fluxmp.boot.json.JsonStyle.PYTHON.write(m);
        }
        return identity;
    }

    /** SPEC 6's object; RANKS (an idset) stands where a reason names the rank. */
    Map<String, Object> json(String ranks) {
        Schedule s = solved.schedule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank());
        m.put("enabled", new ArrayList<>(s.order()));
        List<Object> skips = new ArrayList<>();
        for (SkippedUnits.Skip k : skipped) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", k.name());
            e.put("reason", reason(k, ranks));
            skips.add(e);
        }
        m.put("skipped", skips);
        m.put("alternatives", alternatives());
        List<Object> slots = new ArrayList<>();
        for (Schedule.Slot slot : s.slots()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", slot.name());
            e.put("start", slot.start());
            e.put("end", slot.end());
            e.put("worker", slot.worker());
            slots.add(e);
        }
        m.put("schedule", slots);
        m.put("critical_path", new ArrayList<>(s.criticalPath()));
        m.put("makespan", s.makespan());
        m.put("lower_bound", s.lowerBound());
        m.put("method", s.method());
        m.put("solve_ms", solveMs(s));
        return m;
    }

    /** The services whose selected provider is in the plan. */
    private Map<String, Object> alternatives() {
        java.util.Set<String> inPlan = new java.util.HashSet<>(solved.schedule().order());
        Map<String, Object> out = new LinkedHashMap<>();
        solved.plan().alternatives().forEach((service, module) -> {
            if (inPlan.contains(module)) {
                out.put(service, module);
            }
        });
        return out;
    }

    private static String reason(SkippedUnits.Skip k, String ranks) {
        String word = ranks.matches("\\d+") ? "rank " : "ranks ";
        return k.reason().replace(RANK_MARK, word + ranks);
    }

    /** The plan for people, headed by the run's name and RANKS. */
    List<String> text(String ranks, long timeLimitMs) {
        Schedule s = solved.schedule();
        List<String> out = new ArrayList<>();
        out.add(run + ", " + (ranks.matches("\\d+") ? "rank " : "ranks ") + ranks + ": " + count(s.slots().size(), "task")
                + " on " + count(s.workers(), "worker") + ", " + skipped.size() + " skipped");
        if (!skipped.isEmpty()) {
            out.add("skipped:");
            for (SkippedUnits.Skip k : skipped) {
                out.add("  " + k.name() + ": " + reason(k, ranks));
            }
        }
        if (!alternatives().isEmpty()) {
            out.add("alternatives:");
            alternatives().forEach((service, module) -> out.add("  " + service + ": " + module));
        }
        out.add("schedule (estimated ms):");
        Map<String, String> what = new LinkedHashMap<>();
        for (PlanTask t : solved.plan().tasks()) {
            what.put(t.name(), t.verb() + " " + t.name());
        }
        int width = Math.max(5, String.valueOf(s.makespan()).length());
        out.add(row(width, "start", "end", "worker", "task"));
        for (Schedule.Slot slot : s.slots()) {
            out.add(row(width, String.valueOf(slot.start()), String.valueOf(slot.end()), String.valueOf(slot.worker()),
                    what.get(slot.name())));
        }
        out.add("critical path: " + (s.criticalPath().isEmpty() ? "(none)" : String.join(" -> ", s.criticalPath()))
                + " (" + s.criticalPathLength() + " ms)");
        out.add("makespan " + s.makespan() + " ms, lower bound " + s.lowerBound() + " ms: " + method(s, timeLimitMs)
                + "; solved in " + solveMs(s) + " ms");
        return out;
    }

    /** A schedule row: start and end right-aligned in WIDTH, the worker in 6 (a format string per row costs). */
    private static String row(int width, String start, String end, String worker, String task) {
        StringBuilder sb = new StringBuilder("  ");
        sb.append(" ".repeat(Math.max(0, width - start.length()))).append(start).append("  ");
        sb.append(" ".repeat(Math.max(0, width - end.length()))).append(end).append("  ");
        sb.append(" ".repeat(Math.max(0, 6 - worker.length()))).append(worker).append("  ");
        return sb.append(task).toString();
    }

    private static String method(Schedule s, long timeLimitMs) {
        switch (s.method()) {
            case "optimal":
                return s.makespan() == s.lowerBound() ? "optimal" : "optimal (proven: no priority order does better)";
            case "best-in-time":
                return "best-in-time (better than list scheduling; not proven optimal within " + timeLimitMs + " ms)";
            default:
                return "list (longest-remaining-path or first-come list scheduling; nothing better found within "
                        + timeLimitMs + " ms)";
        }
    }

    /** How long scheduling took, in ms to a tenth: until the proof, or the time limit if there is none. */
    private static double solveMs(Schedule s) {
        return Math.round(s.solveMicros() / 100.0) / 10.0;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
