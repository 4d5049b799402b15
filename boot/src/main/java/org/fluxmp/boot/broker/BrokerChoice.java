package org.fluxmp.boot.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fluxmp.boot.ConfigException;
import org.fluxmp.boot.ToolException;
import org.fluxmp.boot.Context;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.SimBroker;
import org.fluxmp.boot.broker.SimBrokerFile;
import org.fluxmp.boot.facts.Facts;
import org.fluxmp.boot.flux.FluxBroker;
import org.fluxmp.boot.flux.FluxCliBroker;
import org.fluxmp.boot.flux.FluxCliFacts;
import org.fluxmp.boot.flux.FluxCommand;
import org.fluxmp.boot.flux.FluxConnection;
import org.fluxmp.boot.flux.FluxException;
import org.fluxmp.boot.flux.FluxFacts;
import org.fluxmp.boot.flux.FluxUri;

/**
 * The broker a command talks to (SPEC 5), chosen once per command so that its facts and its
 * runner share it: the simulated broker, the real one over its local socket, or the real one
 * through the {@code flux} command (for other URIs, when the socket cannot be reached, or with
 * {@code --broker=flux-cli}).
 */
public final class BrokerChoice {
    /** Seconds each broker request may take: FLUX_MODPROBE_RPC_TIMEOUT, else this. */
    public static final Duration DEFAULT_TIMEOUT = FluxConnection.DEFAULT_TIMEOUT;

    private final SimBrokerFile sim;
    private final FluxConnection connection;
    private final FluxCommand command;
    private final Facts facts;
    private final Map<String, String> env;

    private BrokerChoice(SimBrokerFile sim, FluxConnection connection, FluxCommand command, Facts facts,
            Map<String, String> env) {
        this.sim = sim;
        this.connection = connection;
        this.command = command;
        this.facts = facts;
        this.env = env;
    }

    /** The simulated broker described by SIM (tests run one plan against many sim files). */
    public static BrokerChoice simulated(SimBrokerFile sim, Map<String, String> env) {
        return new BrokerChoice(sim, null, null, null, env);
    }

    /** Reads a simulated broker's file ({@code --broker=sim:FILE}): TOML, so the planner side supplies it. */
    public interface SimFiles {
        SimBrokerFile read(Path file);
    }

    public static BrokerChoice choose(String spec, Context ctx, SimFiles simFiles) {
        Map<String, String> env = ctx.env();
        if (spec.equals("sim")) {
            return new BrokerChoice(SimBrokerFile.defaults(), null, null, null, env);
        }
        if (spec.startsWith("sim:")) {
            return new BrokerChoice(simFiles.read(Path.of(spec.substring(4))), null, null, null, env);
        }
        if (spec.equals("flux-cli")) {
            return command(ctx, spec, null);
        }
        if (!spec.equals("flux")) {
            throw ToolException.usage("invalid broker '" + spec + "' (expected flux, flux-cli, sim or sim:FILE)");
        }
        Optional<Path> socket = FluxUri.localSocket(env.get("FLUX_URI"));
        if (socket.isEmpty()) {
            return command(ctx, spec, null);
        }
        try {
            FluxConnection c = FluxConnection.open(socket.get(), timeout(env));
            return new BrokerChoice(null, c, null, new FluxFacts(c, env), env);
        } catch (FluxException e) {
            return command(ctx, spec, e.getMessage());
        }
    }

    /** The {@code flux} command path; WHY_NOT_NATIVE says why the socket was not used (null: not tried). */
    private static BrokerChoice command(Context ctx, String spec, String whyNotNative) {
        try {
            FluxCommand flux = FluxCommand.onPath(ctx.env(), timeout(ctx.env()));
            if (whyNotNative != null) {
                ctx.err().println("flux-modprobe: " + whyNotNative + "; using the flux command instead");
            }
            return new BrokerChoice(null, null, flux, new FluxCliFacts(flux, ctx.env()), ctx.env());
        } catch (FluxException e) {
            throw ToolException.broker("--broker=" + spec + ": " + (whyNotNative != null ? whyNotNative + ", and " : "")
                    + e.getMessage());
        }
    }

    public static Duration timeout(Map<String, String> env) {
        String s = env.get("FLUX_MODPROBE_RPC_TIMEOUT");
        if (s == null || s.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            double secs = Double.parseDouble(s.strip());
            if (secs > 0 && secs < 1e9) {
                return Duration.ofNanos((long) (secs * 1e9));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("FLUX_MODPROBE_RPC_TIMEOUT: expected a positive number of seconds, got '" + s + "'");
    }

    public boolean simulated() {
        return sim != null;
    }

    /** The simulated broker's file (null for a real broker). */
    public SimBrokerFile simFile() {
        return sim;
    }

    /** A real broker's facts, read on first use (null for the simulated broker, whose facts come from its file). */
    public Facts brokerFacts() {
        return facts;
    }

    /** Loaded modules, as the broker reports them. */
    public List<String> loadedModules() {
        return sim != null ? sim.loadedModules() : new ArrayList<>(facts.loadedModules().keySet());
    }

    /** Ends the connection when no runner took it over (a plan-cache miss hands the command to the planner). */
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }

    /** The broker the runner uses; closing it ends the connection. */
    public Broker open() {
        if (sim != null) {
            return new SimBroker(sim);
        }
        if (connection != null) {
            return new FluxBroker(connection, env);
        }
        return new FluxCliBroker(command);
    }
}
