package org.fluxmp.solver.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * An acyclic precedence graph with a duration per task, indexed for scheduling: task i has a
 * name, a duration (ms, at least 1), its predecessors and successors, the longest path up to its
 * start (head) and the longest path from its start to the end (tail, its own duration included).
 */
public final class TaskGraph {
    private final String[] names;
    private final int[] duration;
    private final int[][] preds;
    private final int[][] succs;
    private final int[] topo;
    private final long[] head;
    private final long[] tail;
    private final long totalWork;

    private TaskGraph(String[] names, int[] duration, int[][] preds) {
        int n = names.length;
        this.names = names;
        this.duration = duration;
        this.preds = preds;
        int[] outDegree = new int[n];
        for (int[] ps : preds) {
            for (int p : ps) {
                outDegree[p]++;
            }
        }
        this.succs = new int[n][];
        for (int i = 0; i < n; i++) {
            succs[i] = new int[outDegree[i]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p : preds[i]) {
                succs[p][fill[p]++] = i;
            }
        }
        this.topo = kahn();
        this.head = new long[n];
        this.tail = new long[n];
        long work = 0;
        for (int i : topo) {
            for (int p : preds[i]) {
                head[i] = Math.max(head[i], head[p] + duration[p]);
            }
            work += duration[i];
        }
        for (int k = n - 1; k >= 0; k--) {
            int i = topo[k];
            long best = 0;
            for (int s : succs[i]) {
                best = Math.max(best, tail[s]);
            }
            tail[i] = best + duration[i];
        }
        this.totalWork = work;
    }

    /**
     * PREDS maps each task to the tasks it waits for (names outside the map are ignored) and must
     * be acyclic; tasks keep PREDS' iteration order as their index. DURATION estimates each task in
     * ms; estimates below 1 ms count as 1 ms (and above a day as a day) so that every task takes time.
     */
    public static TaskGraph of(Map<String, ? extends Collection<String>> preds, ToLongFunction<String> duration) {
        int n = preds.size();
        String[] names = new String[n];
        Map<String, Integer> index = new HashMap<>(n * 2);
        int k = 0;
        for (String name : preds.keySet()) {
            names[k] = name;
            index.put(name, k++);
        }
        int[] dur = new int[n];
        int[][] p = new int[n][];
        for (int i = 0; i < n; i++) {
            dur[i] = (int) Math.max(1, Math.min(86_400_000L, duration.applyAsLong(names[i])));
            Collection<String> ps = preds.get(names[i]);
            int[] list = new int[ps.size()];
            int m = 0;
            for (String q : ps) {
                Integer j = index.get(q);
                if (j != null && j != i && !contains(list, m, j)) {
                    list[m++] = j;
                }
            }
            p[i] = Arrays.copyOf(list, m);
        }
        TaskGraph g = new TaskGraph(names, dur, p);
        if (g.topo.length != n) {
            throw new IllegalArgumentException("the precedence graph has a cycle");
        }
        return g;
    }

    private static boolean contains(int[] a, int len, int v) {
        for (int i = 0; i < len; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** Kahn's algorithm, smallest index first among ready tasks; shorter than n if there is a cycle. */
    private int[] kahn() {
        int n = names.length;
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) {
            indeg[i] = preds[i].length;
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (indeg[i] == 0) {
                ready.add(i);
            }
        }
        int[] out = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out[k++] = i;
            for (int s : succs[i]) {
                if (--indeg[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return k == n ? out : Arrays.copyOf(out, k);
    }

    public int size() { return names.length; }
    public String name(int i) { return names[i]; }
    public int duration(int i) { return duration[i]; }
    public int[] predecessors(int i) { return preds[i]; }
    public int[] successors(int i) { return succs[i]; }
    /** Task indices in a topological order. */
    public int[] topologicalOrder() { return topo.clone(); }
    /** Longest path from the start of the plan to the start of task I. */
    public long head(int i) { return head[i]; }
    /** Longest path from the start of task I to the end of the plan, I's duration included. */
    public long tail(int i) { return tail[i]; }
    public long totalWork() { return totalWork; }

    /** Pairs (a, b), a before b, of tasks with the same duration, predecessors and successors: interchangeable. */
    List<int[]> twins() {
        Map<String, Integer> last = new HashMap<>();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            int[] p = preds[i].clone();
            int[] s = succs[i].clone();
            Arrays.sort(p);
            Arrays.sort(s);
            Integer prev = last.put(duration[i] + Arrays.toString(p) + Arrays.toString(s), i);
            if (prev != null) {
                out.add(new int[] {prev, i});
            }
        }
        return out;
    }

    /** Whether no task waits for another. */
    public boolean unordered() {
        return Arrays.stream(preds).allMatch(p -> p.length == 0);
    }

    /** The length of the longest chain of tasks. */
    public long criticalPathLength() {
        long best = 0;
        for (long t : tail) {
            best = Math.max(best, t);
        }
        return best;
    }

    /** The longest chain of tasks, first to last (the earliest-indexed one among equals). */
    public List<String> criticalPath() {
        List<String> out = new ArrayList<>();
        int cur = -1;
        for (int i = 0; i < size(); i++) {
            if (preds[i].length == 0 && (cur < 0 || tail[i] > tail[cur])) {
                cur = i;
            }
        }
        while (cur >= 0) {
            out.add(names[cur]);
            int next = -1;
            for (int s : succs[cur]) {
                if (tail[s] == tail[cur] - duration[cur] && (next < 0 || s < next)) {
                    next = s;
                }
            }
            cur = next;
        }
        return out;
    }

    /** max(critical path, total work / W rounded up): no schedule on W workers is shorter. */
    public long lowerBound(int workers) {
        return Math.max(criticalPathLength(), (totalWork + workers - 1) / workers);
    }
}
