package org.fluxmp.boot.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fluxmp.boot.facts.FactKey;
import org.fluxmp.boot.facts.FactKind;
import org.fluxmp.boot.facts.RankSet;
import org.fluxmp.boot.json.Json;
import org.fluxmp.boot.json.JsonStyle;
import org.fluxmp.boot.plan.Plan;
import org.fluxmp.boot.plan.PlanTask;

/**
 * The compact on-disk form of a plan cache entry and its {@link Plan}: plain DataOutput fields, a
 * fact as its kind and name, a rank expression as its canonical text, RPC payloads as JSON text.
 * Reading needs none of the planner's classes, which is the point of the cache.
 */
final class PlanCodec {
    private PlanCodec() {}

    /** An entry: its facts, rank expressions, setup steps, whether compiled, then its plan's bytes. */
    static void writeEntry(DataOutputStream out, CacheEntry e) throws IOException {
        out.writeInt(e.facts().size());
        for (Map.Entry<FactKey, String> f : e.facts().entrySet()) {
            out.writeByte(f.getKey().kind().ordinal());
            writeLong(out, f.getKey().name());
            writeNullable(out, f.getValue());
        }
        out.writeInt(e.rankSets().size());
        for (Map.Entry<RankSet, Boolean> r : e.rankSets().entrySet()) {
            writeLong(out, r.getKey().toString());
            out.writeBoolean(r.getValue());
        }
        out.writeInt(e.setup().size());
        for (SetupRecord s : e.setup()) {
            writeLong(out, s.script());
            writeNullable(out, s.file());
            out.writeInt(s.line());
            writeList(out, s.directives());
        }
        out.writeBoolean(e.compiled());
        e.stored().writeTo(out);
    }

    /** An entry as {@link #writeEntry} wrote it; its plan stays undecoded until used. */
    static CacheEntry readEntry(PlanInput in) throws IOException {
        int n = count(in);
        FactKind[] kinds = FactKind.values();
        Map<FactKey, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int k = in.readByte();
            if (k < 0 || k >= kinds.length) {
                throw new IOException("bad fact kind " + k);
            }
            facts.put(new FactKey(kinds[k], readLong(in)), readNullable(in));
        }
        n = count(in);
        Map<RankSet, Boolean> ranks = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ranks.put(RankSet.parse(readLong(in)), in.readBoolean());
        }
        n = count(in);
        List<SetupRecord> setup = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            setup.add(new SetupRecord(readLong(in), readNullable(in), in.readInt(), readList(in)));
        }
        boolean compiled = in.readBoolean();
        int length = in.readInt();
        StoredPlan plan = StoredPlan.at(in.bytes(), in.position(), length);
        in.skip(length);
        return new CacheEntry(facts, ranks, setup, plan, compiled);
    }

    static void write(DataOutputStream out, Plan p) throws IOException {
        out.writeInt(p.rank());
        out.writeInt(p.workers());
        out.writeUTF(p.method());
        writeMap(out, p.alternatives());
        out.writeInt(p.setopt().size());
        for (Map.Entry<String, List<String>> e : p.setopt().entrySet()) {
            out.writeUTF(e.getKey());
            writeList(out, e.getValue());
        }
        writeList(out, p.overwritten());
        writeMap(out, p.data());
        writeMap(out, p.env());
        out.writeInt(p.tasks().size());
        for (PlanTask t : p.tasks()) {
            out.writeUTF(t.name());
            out.writeByte(t.action().ordinal());
            writeNullable(out, t.module());
            writeList(out, t.services());
            writeList(out, t.configuredArgs());
            out.writeBoolean(t.exec());
            writeNullable(out, t.text());
            writeNullable(out, t.payload() == null ? null : JsonStyle.PYTHON.write(t.payload()));
            writeList(out, t.predecessors());
            out.writeLong(t.timeoutMs());
            writeList(out, t.env());
        }
    }

    @SuppressWarnings("unchecked")
    static Plan read(PlanInput in) throws IOException {
        int rank = in.readInt();
        int workers = in.readInt();
        String method = in.readUTF();
        Map<String, String> alternatives = readMap(in);
        int n = count(in);
        Map<String, List<String>> setopt = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            setopt.put(in.readUTF(), readList(in));
        }
        List<String> overwritten = readList(in);
        Map<String, String> data = readMap(in);
        Map<String, String> env = readMap(in);
        int tasks = count(in);
        PlanTask.Action[] actions = PlanTask.Action.values();
        List<PlanTask> list = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            String name = in.readUTF();
            int a = in.readByte();
            if (a < 0 || a >= actions.length) {
                throw new IOException("bad task action " + a);
            }
            String module = readNullable(in);
            List<String> services = readList(in);
            List<String> args = readList(in);
            boolean exec = in.readBoolean();
            String text = readNullable(in);
            String payload = readNullable(in);
            Map<String, Object> pm = null;
            if (payload != null) {
                try {
                    pm = (Map<String, Object>) Json.parse(payload);
                } catch (IllegalArgumentException | ClassCastException e) {
                    throw new IOException("bad payload: " + e.getMessage());
                }
            }
            List<String> preds = readList(in);
            long timeoutMs = in.readLong();
            list.add(new PlanTask(name, actions[a], module, services, args, exec, text, pm, preds, timeoutMs, readList(in)));
        }
        return new Plan(rank, list, alternatives, setopt, overwritten, data, env, workers, method);
    }

    /**
     * A count of things that follow (elements, entries, bytes). Each takes at least one byte, so a
     * count beyond the bytes left is corrupt: refused before anything that size is allocated.
     */
    static int count(PlanInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.remaining()) {
            throw new IOException("bad count " + n + " (" + in.remaining() + " bytes left)");
        }
        return n;
    }

    static void writeList(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            writeLong(out, s);
        }
    }

    static List<String> readList(PlanInput in) throws IOException {
        int n = count(in);
        List<String> l = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            l.add(readLong(in));
        }
        return l;
    }

    static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            writeLong(out, e.getKey());
            writeNullable(out, e.getValue());
        }
    }

    static Map<String, String> readMap(PlanInput in) throws IOException {
        int n = count(in);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(readLong(in), readNullable(in));
        }
        return m;
    }

    static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    static String readNullable(PlanInput in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /** writeUTF is limited to 64 KiB; scripts may be longer. */
    static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readLong(PlanInput in) throws IOException {
        int n = count(in);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
