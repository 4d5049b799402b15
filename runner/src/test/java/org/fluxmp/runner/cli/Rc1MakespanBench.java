package org.fluxmp.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fluxmp.boot.exec.DurationHistory;
import org.fluxmp.boot.json.Json;

/**
 * A benchmark, run by hand (bench/rc1-makespan.sh), not a test: the default rc1 against the simulated
 * broker (built-in latencies), W = 2 and W = 6. For each W it prints the makespan the plan's order
 * predicts (list scheduling with the measured durations the planner used), the lower bound (longest
 * chain, or total work / W), and the measured makespan (median of several runs) with the schedule's
 * priority order and with first-come order (FLUX_MODPROBE_READY_ORDER=first-come).
 */
public final class Rc1MakespanBench {
    private Rc1MakespanBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.setProperty("fluxmp.home", args[0]);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path tmp = Files.createTempDirectory("rc1-makespan");
        Path path = Files.createDirectories(tmp.resolve("modprobe"));
        Path sim = tmp.resolve("sim.toml");
        Files.writeString(sim, "# the default simulated broker: built-in latencies, nothing kept between runs\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FLUX_MODPROBE_PATH", path.toString());
        env.put("FLUX_MODPROBE_CACHE", tmp.resolve("cache").toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        String broker = "--broker=sim:" + sim;

        // warm up the JVM and record measured durations for the planner
        for (int i = 0; i < 5; i++) {
            check(CliRun.run(env, "rc1", "-j", "6", broker));
        }
        System.out.printf("rc1 on the simulated broker, %d runs each, times in ms (measured: median / min);"
                + " load average %s%n", runs, loadAverage());
        System.out.printf("%3s  %9s  %9s  %15s  %15s  %15s%n", "W", "lower bd", "predicted", "measured",
                "first-come", "first-come pred");
        for (int w : new int[] {2, 6}) {
            CliRun dry = check(CliRun.run(env, "rc1", "--dry-run", "-j", Integer.toString(w), broker));
            List<String> order = new ArrayList<>();
            for (String line : dry.out().split("\n")) {
                order.add(line.split(" ")[1]);
            }
            Map<String, List<String>> deps = new HashMap<>();
            ((Map<?, ?>) Json.parse(check(CliRun.run(env, "rc1", "--show-deps", broker)).out())).forEach((k, v) -> {
                List<String> p = new ArrayList<>();
                // the original's --show-deps may repeat a predecessor: once is enough
                ((List<?>) v).forEach(x -> {
                    if (!p.contains(x)) {
                        p.add((String) x);
                    }
                });
                deps.put((String) k, p);
            });
            Map<String, Long> ms = DurationHistory.locate(env).orElseThrow()
                    .load(DurationHistory.Key.of("rc1", "sim", 0, order));
            double predicted = simulate(order, deps, ms, w, null);
            List<Double> fifoPredictions = new ArrayList<>();
            Random random = new Random(1);
            for (int i = 0; i < 200; i++) {
                fifoPredictions.add(simulate(order, deps, ms, w, random));
            }
            double bound = lowerBound(order, deps, ms, w);
            List<Double> measured = new ArrayList<>();
            List<Double> firstCome = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                measured.add(makespan(frozen(env, tmp), broker, w, tmp));
                Map<String, String> fifo = frozen(env, tmp);
                fifo.put("FLUX_MODPROBE_READY_ORDER", "first-come");
                fifo.put("FLUX_MODPROBE_READY_SEED", Integer.toString(i)); // ties broken differently each run
                firstCome.add(makespan(fifo, broker, w, tmp));
            }
            if (System.getenv("BENCH_DEBUG") != null) {
                System.out.println("priority " + measured + "\nfirst-come " + firstCome);
            }
            System.out.printf("%3d  %9.1f  %9.1f  %7.1f / %5.1f  %7.1f / %5.1f  %15.1f%n", w, bound, predicted,
                    median(measured), Collections.min(measured), median(firstCome), Collections.min(firstCome),
                    median(fifoPredictions));
        }
    }

    /**
     * ENV with a fresh copy of the warmed-up duration history, so that every measured run plans
     * with the same numbers as the prediction (a run records its own measurements into the copy).
     */
    static Map<String, String> frozen(Map<String, String> env, Path tmp) throws Exception {
        Path copy = Files.createTempDirectory(tmp, "cache");
        Path from = Path.of(env.get("FLUX_MODPROBE_CACHE"), "durations");
        Files.createDirectories(copy.resolve("durations"));
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("durations").resolve(f.getFileName()));
            }
        }
        Map<String, String> out = new LinkedHashMap<>(env);
        out.put("FLUX_MODPROBE_CACHE", copy.toString());
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static CliRun check(CliRun r) {
        if (r.exit() != 0) {
            throw new IllegalStateException(r.describe());
        }
        return r;
    }

    /** One run's makespan (ms): first task start to last task end, from its timing file. */
    static double makespan(Map<String, String> env, String broker, int w, Path tmp) throws Exception {
        Path t = tmp.resolve("t.json");
        check(CliRun.run(env, "rc1", "-j", Integer.toString(w), broker, "--timing-file", t.toString()));
        double first = Double.MAX_VALUE;
        double last = 0;
        for (Object o : (List<?>) Json.parse(Files.readString(t))) {
            Map<?, ?> m = (Map<?, ?>) o;
            String name = (String) m.get("name");
            if (name.equals("configure") || name.equals("solve")) {
                continue;
            }
            double s = ((Number) m.get("starttime")).doubleValue();
            first = Math.min(first, s);
            last = Math.max(last, s + ((Number) m.get("duration")).doubleValue());
        }
        return (last - first) * 1000;
    }

    /**
     * List scheduling with W workers: ready tasks start in ORDER (or, with RANDOM, in the order they
     * became ready, ties broken at random); returns the makespan.
     */
    static double simulate(List<String> order, Map<String, List<String>> deps, Map<String, Long> ms, int w,
            Random random) {
        Map<String, Integer> left = new HashMap<>();
        Map<String, List<String>> succ = new HashMap<>();
        for (String t : order) {
            int n = 0;
            for (String p : deps.getOrDefault(t, List.of())) {
                if (order.contains(p)) {
                    succ.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
                    n++;
                }
            }
            left.put(t, n);
        }
        List<String> ready = new ArrayList<>();
        for (String t : order) {
            if (left.get(t) == 0) {
                ready.add(t);
            }
        }
        if (random != null) {
            Collections.shuffle(ready, random);
        }
        Map<String, Double> running = new HashMap<>();
        double now = 0;
        int done = 0;
        while (done < order.size()) {
            if (random == null) {
                ready.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
            }
            while (running.size() < w && !ready.isEmpty()) {
                String t = ready.remove(0);
                running.put(t, now + ms.getOrDefault(t, 1L));
            }
            String next = Collections.min(running.entrySet(), Map.Entry.comparingByValue()).getKey();
            now = running.remove(next);
            done++;
            List<String> newly = new ArrayList<>();
            for (String s : succ.getOrDefault(next, List.of())) {
                if (left.merge(s, -1, Integer::sum) == 0) {
                    newly.add(s);
                }
            }
            if (random != null) {
                Collections.shuffle(newly, random);
            }
            ready.addAll(newly);
        }
        return now;
    }

    /** max(longest chain, total work / W). */
    static double lowerBound(List<String> order, Map<String, List<String>> deps, Map<String, Long> ms, int w) {
        Map<String, Double> finish = new HashMap<>();
        double total = 0;
        double chain = 0;
        for (String t : order) { // the dry-run order is topological
            double start = 0;
            for (String p : deps.getOrDefault(t, List.of())) {
                start = Math.max(start, finish.getOrDefault(p, 0.0));
            }
            double d = ms.getOrDefault(t, 1L);
            finish.put(t, start + d);
            chain = Math.max(chain, start + d);
            total += d;
        }
        return Math.max(chain, total / w);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
