package org.fluxmp.boot.flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fluxmp.boot.json.Json;

/**
 * Answers requests as the real one-broker instance of testdata/flux/samples did: attributes from
 * its {@code getattr-NAME.txt} captures (those that failed are unset), its config, its module
 * list (after rc1, or only the built-in modules of a fresh broker). Module loads and removals
 * change the list and fail as the real broker's do; a request for a service no loaded module
 * provides fails with the broker's ENOSYS text.
 */
public final class SampleBroker implements FakeFluxBroker.Behaviour {
    /** Services the broker itself answers (modules not needed). */
    private static final Set<String> BROKER_SERVICES = Set.of("attr", "config", "module", "broker", "runat", "log",
            "event", "service", "overlay", "groups", "rexec");

    private final Map<String, String> attrs = new LinkedHashMap<>();
    private final String config;
    private final List<Map<String, Object>> mods = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> kvs = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private SampleBroker(boolean afterRc1) {
        Path dir = TestData.samples();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String f = p.getFileName().toString();
                if (f.startsWith("getattr-") && f.endsWith(".txt") && !Files.exists(Path.of(p + ".exit"))) {
                    String v = Files.readString(p);
                    attrs.put(f.substring(8, f.length() - 4), v.endsWith("\n") ? v.substring(0, v.length() - 1) : v);
                }
            }
            config = Files.readString(dir.resolve("config-get.json")).strip();
            Map<String, Object> list = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("module-list.json")));
            for (Object o : (List<Object>) list.get("mods")) {
                Map<String, Object> m = (Map<String, Object>) o;
                if (afterRc1 || "builtin".equals(m.get("path"))) {
                    mods.add(new LinkedHashMap<>(m));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instance after its rc1: 13 modules loaded besides the built-in ones. */
    public static SampleBroker afterRc1() {
        return new SampleBroker(true);
    }

    /** A broker started without rc1: only its built-in modules. */
    public static SampleBroker fresh() {
        return new SampleBroker(false);
    }

    public synchronized SampleBroker env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public synchronized Map<String, String> env() {
        return new LinkedHashMap<>(env);
    }

    public synchronized Map<String, String> kvs() {
        return new LinkedHashMap<>(kvs);
    }

    public synchronized List<String> loaded() {
        return mods.stream().map(m -> (String) m.get("name")).toList();
    }

    @Override
    public void request(FluxMessage req, FakeFluxBroker.Session s) throws IOException {
        s.send(answer(req));
    }

    @SuppressWarnings("unchecked")
    synchronized FluxMessage answer(FluxMessage req) {
        String topic = req.topic();
        Map<String, Object> p = req.payloadText() == null ? Map.of() : (Map<String, Object>) Json.parse(req.payloadText());
        String service = topic.contains(".") ? topic.substring(0, topic.indexOf('.')) : topic;
        if (!BROKER_SERVICES.contains(service) && !provided(service)) {
            return FakeFluxBroker.response(req, Errno.ENOSYS, "No service matching " + topic + " is registered");
        }
        switch (topic) {
            case "attr.get": {
                String v = attrs.get((String) p.get("name"));
                return v == null ? FakeFluxBroker.response(req, Errno.ENOENT, null)
                        : FakeFluxBroker.answer(req, Map.of("value", v, "flags", 0));
            }
            case "config.get":
                return FakeFluxBroker.response(req, 0, config);
            case "module.list":
                return FakeFluxBroker.answer(req, Map.of("mods", mods));
            case "module.load": {
                String path = (String) p.get("path");
                String base = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.so$", "");
                String name = p.containsKey("name") ? (String) p.get("name") : base;
                if (base.startsWith("no-such")) {
                    return FakeFluxBroker.response(req, Errno.ENOENT, "module not found in search path");
                }
                if (loaded().contains(name)) {
                    return FakeFluxBroker.response(req, Errno.EEXIST, null);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("path", "/usr/lib/flux/modules/" + base + ".so");
                m.put("idle", 0);
                m.put("status", 1);
                m.put("services", List.of(name));
                m.put("sendqueue", 0);
                m.put("recvqueue", 0);
                mods.add(m);
                return FakeFluxBroker.response(req, 0, null);
            }
            case "module.remove": {
                String name = (String) p.get("name");
                if (!mods.removeIf(m -> name.equals(m.get("name")))) {
                    return FakeFluxBroker.response(req, Errno.ENOENT, null);
                }
                return FakeFluxBroker.response(req, 0, null);
            }
            case "broker.getenv": {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Object n : (List<Object>) p.get("names")) {
                    if (env.containsKey(n)) {
                        out.put((String) n, env.get(n));
                    }
                }
                return FakeFluxBroker.answer(req, Map.of("env", out));
            }
            case "broker.setenv":
                ((Map<String, Object>) p.get("env")).forEach((k, v) -> env.put(k, (String) v));
                return FakeFluxBroker.response(req, 0, null);
            case "kvs.commit": {
                for (Object o : (List<Object>) p.get("ops")) {
                    Map<String, Object> op = (Map<String, Object>) o;
                    Map<String, Object> dirent = (Map<String, Object>) op.get("dirent");
                    kvs.put((String) op.get("key"), new String(java.util.Base64.getDecoder().decode((String) dirent.get("data")),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                return FakeFluxBroker.answer(req, Map.of("rootref", "sha1-0000", "rootseq", kvs.size()));
            }
            default:
                return FakeFluxBroker.response(req, 0, null);
        }
    }

    private boolean provided(String service) {
        for (Map<String, Object> m : mods) {
            if (service.equals(m.get("name")) || ((List<?>) m.get("services")).contains(service)) {
                return true;
            }
        }
        return false;
    }
}
