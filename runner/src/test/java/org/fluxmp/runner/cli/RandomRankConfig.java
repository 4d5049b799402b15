package org.fluxmp.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random drop-in configuration whose units carry random rank expressions (idsets, {@code all},
 * {@code <N}, {@code >N}) over ranks below 2^20, with requires and needs between them so that a
 * rank's plan depends on other units' ranks too: modules in {@code DIR/modprobe.d/random.toml},
 * loaded by {@code DIR/rc1.d/random.toml}, which also has tasks.
 */
final class RandomRankConfig {
    static final int MAX_RANK = 1 << 20;

    private RandomRankConfig() {}

    static String expression(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return "all";
            case 1:
                return "<" + bound(r);
            case 2:
                return ">" + bound(r);
            default:
                return RandomRankConfig.idset(r, 1 + r.nextInt(3));
        }
    }

    /** Bounds cluster near 0 (where sites put them) and spread up to 2^20. */
    private static int bound(Random r) {
        return r.nextBoolean() ? r.nextInt(16) : r.nextInt(MAX_RANK);
    }

    /** An idset of up to RANGES ranges below 2^20. */
    static String idset(Random r, int ranges) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < ranges; k++) {
            int lo = bound(r);
            int hi = Math.min(MAX_RANK - 1, lo + (r.nextBoolean() ? r.nextInt(4) : r.nextInt(MAX_RANK / 4)));
            sb.append(k == 0 ? "" : ",").append(lo).append(lo == hi ? "" : "-" + hi);
        }
        return sb.toString();
    }

    static void write(Path dir, Random r, int units) throws IOException {
        StringBuilder modules = new StringBuilder();
        StringBuilder rc1 = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> load = new ArrayList<>();
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < units; i++) {
            boolean module = r.nextInt(3) > 0;
            String name = (module ? "rm" : "rt") + i;
            StringBuilder sb = module ? modules : tasks;
            sb.append(module ? "[[modules]]\n" : "[[task]]\n").append("name = \"").append(name).append("\"\n");
            sb.append("ranks = \"").append(expression(r)).append("\"\n");
            if (!load.isEmpty() && r.nextInt(3) == 0) {
                sb.append("requires = [\"").append(load.get(r.nextInt(load.size()))).append("\"]\n");
            }
            if (!names.isEmpty() && r.nextInt(4) == 0) {
                sb.append("needs = [\"").append(names.get(r.nextInt(names.size()))).append("\"]\n");
            }
            if (module) {
                load.add(name);
            } else {
                sb.append("run = \"true\"\n");
            }
            sb.append('\n');
            names.add(name);
        }
        rc1.append("[setup]\nload = [");
        for (int i = 0; i < load.size(); i++) {
            rc1.append(i == 0 ? "" : ", ").append('"').append(load.get(i)).append('"');
        }
        rc1.append("]\n\n").append(tasks);
        Files.createDirectories(dir.resolve("modprobe.d"));
        Files.createDirectories(dir.resolve("rc1.d"));
        Files.writeString(dir.resolve("modprobe.d/random.toml"), modules);
        Files.writeString(dir.resolve("rc1.d/random.toml"), rc1);
    }
}
