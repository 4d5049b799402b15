package org.fluxmp.runner.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ordering graph in Graphviz DOT: one box per task (what it does and its estimated
 * duration), an edge from each task to every task that waits for it, and the critical path (or,
 * in a graph that cannot run, the cycle) drawn in red.
 */
final class DotGraph {
    private DotGraph() {}

    /**
     * PREDS: task -> the tasks it waits for; LABEL: a task's box text; MARKED: the critical path
     * or the cycle, in order; TITLE: the graph's label.
     */
    static String render(String name, Map<String, ? extends Iterable<String>> preds, Function<String, String> label,
            List<String> marked, String title) {
        Set<String> markedNodes = new HashSet<>(marked);
        Set<String> markedEdges = new HashSet<>();
        for (int i = 0; i + 1 < marked.size(); i++) {
            markedEdges.add(marked.get(i) + "\n" + marked.get(i + 1));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(id(name)).append(" {\n");
        sb.append("  graph [rankdir=LR, labelloc=t, label=").append(id(title)).append("];\n");
        sb.append("  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=10];\n");
        sb.append("  edge [color=gray50];\n");
        for (String t : preds.keySet()) {
            sb.append("  ").append(id(t)).append(" [label=").append(id(label.apply(t)));
            if (markedNodes.contains(t)) {
                sb.append(", color=red, penwidth=2");
            }
            sb.append("];\n");
        }
        for (Map.Entry<String, ? extends Iterable<String>> e : preds.entrySet()) {
            for (String p : e.getValue()) {
                sb.append("  ").append(id(p)).append(" -> ").append(id(e.getKey()));
                if (markedEdges.contains(p + "\n" + e.getKey())) {
                    sb.append(" [color=red, penwidth=2]");
                }
                sb.append(";\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** A DOT string: quoted, with quotes and backslashes escaped and newlines as \n. */
    static String id(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
