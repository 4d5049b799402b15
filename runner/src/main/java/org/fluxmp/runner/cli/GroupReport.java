package org.fluxmp.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.json.JsonStyle;

/**
 * How {@code solve --ranks} and {@code explain --ranks} print groups of ranks: as text, a block
 * per group with a blank line between; as JSON, {@code {"groups": [{"ranks": IDSET, KEY: ...}]}}.
 * Thousands of lines for many groups are written at once, not a write per line.
 */
final class GroupReport {
    private GroupReport() {}

    /** Prints GROUPS: KEY's JSON value of a group's value from DATA, its text from LINES (both given the group's ranks). */
    static <T> void print(Context ctx, List<RankClasses.RankClass<T>> groups, boolean json, String key,
            Function<RankClasses.RankClass<T>, Object> data, Function<RankClasses.RankClass<T>, List<String>> lines) {
        if (json) {
            List<Object> out = new ArrayList<>();
            for (RankClasses.RankClass<T> g : groups) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ranks", g.ranks().toString());
                m.put(key, data.apply(g));
                out.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("groups", out);
            ctx.out().println(JsonStyle.PYTHON.write(doc));
            return;
        }
        StringBuilder text = new StringBuilder();
        for (RankClasses.RankClass<T> g : groups) {
            if (text.length() > 0) {
                text.append('\n');
            }
            lines.apply(g).forEach(l -> text.append(l).append('\n'));
        }
        ctx.out().print(text);
    }
}
