package org.fluxmp.boot.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fluxmp.boot.json.Json;
import org.junit.jupiter.api.Test;

/** The simulated broker's built-in latencies are what the real timing data says (testdata/flux-samples). */
class SimLatenciesTest {
    static final Path SAMPLES = Path.of(System.getProperty("fluxmp.home", "..")).resolve("testdata/flux-samples");
    static final List<Path> TIMING_LISTS = List.of(SAMPLES.resolve("modprobe-stats-rc1.json"),
            SAMPLES.resolve("size1/modprobe-stats-rc1-run1.json"), SAMPLES.resolve("size1/modprobe-stats-rc1-run2.json"),
            SAMPLES.resolve("size1/modprobe-stats-rc1-run3.json"));

    /** Every duration (ms) each name has in the four real timing lists. */
    static Map<String, List<Double>> measured() throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Path p : TIMING_LISTS) {
            for (Object o : (List<?>) Json.parse(Files.readString(p))) {
                Map<?, ?> m = (Map<?, ?>) o;
                out.computeIfAbsent((String) m.get("name"), k -> new ArrayList<>())
                        .add(((Number) m.get("duration")).doubleValue() * 1000);
            }
        }
        return out;
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Test
    void loadLatenciesAreTheRoundedMediansOfTheRealTimingLists() throws IOException {
        Map<String, List<Double>> m = measured();
        Map<String, Long> expected = new TreeMap<>();
        for (String module : SimLatencies.LOAD_MS.keySet()) {
            expected.put(module, Math.max(1, Math.round(median(m.get(module)))));
        }
        assertEquals(expected, new TreeMap<>(SimLatencies.LOAD_MS));
        assertEquals(13, expected.size(), "the 13 modules the default rc1 loads");
    }

    @Test
    void theDefaultLoadLatencyIsTheMedianModule() throws IOException {
        Map<String, List<Double>> m = measured();
        List<Double> medians = new ArrayList<>();
        for (String module : SimLatencies.LOAD_MS.keySet()) {
            medians.add(median(m.get(module)));
        }
        assertEquals(Math.round(median(medians)), SimLatencies.DEFAULT_LOAD_MS);
    }

    @Test
    void theRpcLatencyIsThatOfTheOneRpcTask() throws IOException {
        assertEquals(Math.round(median(measured().get("push-cleanup"))), SimLatencies.DEFAULT_RPC_MS);
    }

    @Test
    void removeLatenciesComeFromTheBrokerLog() throws IOException {
        Pattern line = Pattern.compile("^\\S+ \\S+ (\\d+):(\\d+):(\\d+\\.\\d+) .*broker\\.debug\\[0\\]: (rmmod (\\S+)|module (\\S+) exited)$");
        Map<String, Double> rmmod = new LinkedHashMap<>();
        Map<String, Long> expected = new TreeMap<>();
        boolean rc3 = false;
        for (String l : Files.readAllLines(SAMPLES.resolve("size1/broker-log.txt"))) {
            rc3 |= l.contains("children-none: shutdown->finalize");
            Matcher x = line.matcher(l);
            if (!rc3 || !x.matches()) {
                continue; // builtins are removed after rc3; only rc3's removals count
            }
            double t = (Integer.parseInt(x.group(1)) * 3600 + Integer.parseInt(x.group(2)) * 60) * 1000.0
                    + Double.parseDouble(x.group(3)) * 1000;
            if (x.group(5) != null) {
                rmmod.put(x.group(5), t);
            } else if (rmmod.containsKey(x.group(6)) && SimLatencies.LOAD_MS.containsKey(x.group(6))) {
                expected.put(x.group(6), Math.max(1, (long) Math.ceil(t - rmmod.get(x.group(6)))));
            }
        }
        assertEquals(expected, new TreeMap<>(SimLatencies.REMOVE_MS));
    }
}
