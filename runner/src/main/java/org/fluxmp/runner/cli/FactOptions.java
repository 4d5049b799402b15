package org.fluxmp.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.BrokerChoice;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.rules.TomlDocument;
import picocli.CommandLine.Option;

/** The broker choice and the preview overrides every command accepts (SPEC 5). */
public final class FactOptions {
    @Option(names = "--broker", paramLabel = "flux|flux-cli|sim[:FILE]",
            description = "Where facts come from and modules go: the real broker (default when FLUX_URI is set; "
                    + "over its local socket, else through the flux command), the real broker through the flux "
                    + "command only, or the simulated one. FLUX_MODPROBE_BROKER stands in for this option.")
    String broker;

    private BrokerChoice brokers;

    @Option(names = "--rank", paramLabel = "N", description = "Preview as broker rank N.")
    Integer rank;

    @Option(names = "--attr", paramLabel = "K=V", description = "Preview with broker attribute K set to V (repeatable).")
    List<String> attrs = new ArrayList<>();

    @Option(names = "--conf", paramLabel = "K=V",
            description = "Preview with broker config key K (dotted) set to V; V is read as a TOML value if it is one (repeatable).")
    List<String> confs = new ArrayList<>();

    @Option(names = "--config-file", paramLabel = "FILE", description = "Preview with FILE (TOML) as the broker config (repeatable).")
    List<Path> configFiles = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K=V", description = "Preview with environment variable K set to V (repeatable).")
    List<String> envs = new ArrayList<>();

    /** The broker spec in force: option, else FLUX_MODPROBE_BROKER, else flux with FLUX_URI, else sim. */
    public String brokerSpec(Context ctx) {
        if (broker != null) {
            return broker;
        }
        String env = ctx.env().get("FLUX_MODPROBE_BROKER");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        return ctx.env().containsKey("FLUX_URI") ? "flux" : "sim";
    }

    /** The broker in force, chosen (and connected) on first use; the command's facts and runner share it. */
    BrokerChoice brokers(Context ctx) {
        if (brokers == null) {
            brokers = BrokerChoice.choose(brokerSpec(ctx), ctx, SimBrokerFileReader::read);
        }
        return brokers;
    }

    /** The simulated broker's file, or its defaults. */
    public SimBrokerFile simFile(Context ctx) {
        BrokerChoice b = brokers(ctx);
        if (!b.simulated()) {
            throw ToolException.usage("--broker=" + brokerSpec(ctx) + ": not the simulated broker");
        }
        return b.simFile();
    }

    /** The instance's size: the simulated broker's, else the broker attribute {@code size}. */
    public int size(Context ctx) {
        if (brokers(ctx).simulated()) {
            return simFile(ctx).size();
        }
        String size = brokers(ctx).brokerFacts().attr("size")
                .orElseThrow(() -> ToolException.broker("the broker has no attribute size"));
        try {
            return Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw ToolException.broker("the broker's attribute size is not a number: " + size);
        }
    }

    /** Broker facts with every override applied. */
    public Facts facts(Context ctx) {
        return facts(ctx, rank);
    }

    /**
     * The facts as rank RANK (null: the broker's own) sees them, for commands that decide rank by
     * rank class: safe to call from several threads once {@link #brokers} has been chosen.
     */
    Facts facts(Context ctx, Integer rank) {
        BrokerChoice b = brokers(ctx);
        if (b.simulated()) {
            StaticFacts f = b.simFile().facts(ctx.env(), SimBrokerFile.ModuleServices.NAME_ONLY);
            apply(f, rank);
            return f;
        }
        StaticFacts overrides = new StaticFacts(java.util.Map.of());
        apply(overrides, rank);
        return new PreviewFacts(b.brokerFacts(), rank, overrides);
    }

    void apply(StaticFacts f) {
        apply(f, rank);
    }

    private void apply(StaticFacts f, Integer rank) {
        if (rank != null) {
            if (rank < 0) {
                throw ToolException.usage("--rank: must not be negative");
            }
            f.rank(rank);
        }
        for (Path p : configFiles) {
            f.mergeConfig(TomlDocument.read(p).asMap());
        }
        for (String kv : attrs) {
            f.attr(key("--attr", kv), value(kv));
        }
        for (String kv : confs) {
            Object parsed = TomlDocument.parseValue(value(kv));
            f.conf(key("--conf", kv), parsed != null ? parsed : value(kv));
        }
        for (String kv : envs) {
            f.env(key("--env", kv), value(kv));
        }
    }

    /**
     * The environment for task and setup scripts beyond the tool's own: {@code --env} overrides and,
     * against the simulated broker, the stand-in {@code flux} command.
     */
    public java.util.Map<String, String> taskEnv(Context ctx, Facts facts) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (facts instanceof StaticFacts sim && brokers(ctx).simulated()) {
            out.putAll(org.fluxmp.boot.broker.SimShim.env(ctx.home(), ctx.env(), sim, simFile(ctx).log()));
        }
        for (String kv : envs) {
            out.put(key("--env", kv), value(kv));
        }
        return out;
    }

    private static String key(String opt, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw ToolException.usage(opt + ": expected KEY=VALUE, got '" + kv + "'");
        }
        return kv.substring(0, eq);
    }

    private static String value(String kv) {
        return kv.substring(kv.indexOf('=') + 1);
    }
}
