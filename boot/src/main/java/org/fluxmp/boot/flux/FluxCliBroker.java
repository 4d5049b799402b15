package org.fluxmp.boot.flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.broker.Broker;
import org.fluxmp.boot.broker.BrokerException;
import org.fluxmp.boot.json.JsonStyle;

/**
 * The real broker through the {@code flux} command, one process per call: {@code flux module
 * load [--name=N] [--exec] PATH ARGS}, {@code flux module remove}, {@code flux kvs put}, and
 * {@code flux python} for what has no subcommand (generic RPCs, {@code broker.setenv}).
 */
public final class FluxCliBroker implements Broker {
    private final FluxCommand flux;

    public FluxCliBroker(FluxCommand flux) {
        this.flux = flux;
    }

    @Override
    public void load(String name, String module, List<String> args, boolean exec) throws BrokerException {
        List<String> cmd = new ArrayList<>(List.of("module", "load"));
        if (!name.equals(module)) {
            cmd.add("--name=" + name);
        }
        if (exec) {
            cmd.add("--exec");
        }
        cmd.add(module);
        cmd.addAll(args);
        flux.check(cmd, "load " + module + ": ");
    }

    @Override
    public void remove(String name) throws BrokerException {
        try {
            flux.check(List.of("module", "remove", name), "remove " + name + ": ");
        } catch (FluxException e) {
            if (e.errnum() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    @Override
    public Map<String, Object> rpc(String topic, Map<String, Object> payload) throws BrokerException {
        String answer = flux.rpc(topic, FluxBroker.payloadJson(payload));
        if (answer.isEmpty() || answer.equals("null")) {
            return Map.of();
        }
        return FluxBroker.answerObject(topic, answer, "answer");
    }

    @Override
    public void setenv(Map<String, String> env) throws BrokerException {
        flux.rpc("broker.setenv", JsonStyle.COMPACT.write(Map.of("env", env)));
    }

    @Override
    public void kvsPut(String key, String json) throws BrokerException {
        flux.check(List.of("kvs", "put", key + "=" + json), "");
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
