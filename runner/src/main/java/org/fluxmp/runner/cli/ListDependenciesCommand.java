package org.fluxmp.runner.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.setup.SetupStepRunner;
import org.fluxmp.rules.Decision;
import org.fluxmp.rules.RunRequest;
import org.fluxmp.rules.Subject;
import org.fluxmp.rules.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code list-dependencies MODULE}: the requires tree, drawn as the original draws it. */
@Command(name = "list-dependencies", mixinStandardHelpOptions = true,
        description = {"Show the tree of modules a module requires.",
            "Shows the modules MODULE requires, as `service (module)` where the two differ."})
final class ListDependenciesCommand implements Callable<Integer> {
    @ParentCommand FluxModprobe root;
    @Mixin SelectionOptions selection;
    @Mixin FactOptions factOptions;

    @Option(names = {"-f", "--full"}, description = "Full output. Will show duplicates")
    boolean full;

    @Option(names = "--json", description = "Print the tree as JSON: {\"name\", \"module\", \"requires\": [...]}.")
    boolean json;

    @Parameters(paramLabel = "MODULE", description = "Module name for which to display dependencies")
    String module;

    /** One node: the label asked for, the module that provides it, and children. */
    static final class Node {
        final String label;
        String provider;
        final List<Node> children = new ArrayList<>();

        Node(String label) {
            this.label = label;
        }

        String text() {
            return provider == null || provider.equals(label) ? label : label + " (" + provider + ")";
        }
    }

    @Override
    public Integer call() {
        Context ctx = root.ctx;
        Decision d = new RunRequest(new Subject.Config(), factOptions.facts(ctx), selection.selection(ctx),
                SetupStepRunner.NONE, root.config(false)).decide();
        Node top = build(d, module, full);
        if (json) {
            ctx.out().println(org.fluxmp.boot.json.JsonStyle.PYTHON.write(toMap(top)));
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append(top.text()).append('\n');
            render(top, "", sb);
            ctx.out().print(sb);
        }
        return FluxModprobe.OK;
    }

    /** Breadth-first, as the original: a name seen earlier at any depth is not shown again unless FULL. */
    static Node build(Decision d, String module, boolean full) {
        Node top = new Node(module);
        Deque<Node> queue = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        queue.add(top);
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            Unit u = d.provider(n.label).orElseThrow(() -> new ConfigException("no such task or module " + n.label));
            n.provider = u.getName();
            if (!full) {
                visited.add(u.getName());
            }
            for (String dep : u.getRequires()) {
                if (!visited.contains(dep)) {
                    Node child = new Node(dep);
                    queue.add(child);
                    n.children.add(child);
                    if (!full) {
                        visited.add(dep);
                    }
                }
            }
        }
        return top;
    }

    private static void render(Node n, String prefix, StringBuilder sb) {
        for (int i = 0; i < n.children.size(); i++) {
            boolean last = i == n.children.size() - 1;
            Node c = n.children.get(i);
            sb.append(prefix).append(last ? "└── " : "├── ").append(c.text()).append('\n');
            render(c, prefix + (last ? "    " : "│   "), sb);
        }
    }

    private static java.util.Map<String, Object> toMap(Node n) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", n.label);
        m.put("module", n.provider);
        List<Object> kids = new ArrayList<>();
        for (Node c : n.children) {
            kids.add(toMap(c));
        }
        m.put("requires", kids);
        return m;
    }
}
