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
    /** A task's kind, the byte before its fields. */
    private static final int LOAD = 0;
    private static final int REMOVE = 1;
    private static final int RUN = 2;
    private static final int RPC = 3;
    private static final int JAVA = 4;
    private static final int PYTHON = 5;

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
            writeTask(out, t);
        }
    }

    /** A task's kind byte, its own fields, then what every task has: predecessors and timeout. */
    private static void writeTask(DataOutputStream out, PlanTask t) throws IOException {
        out.writeUTF(t.name());
        if (t instanceof PlanTask.ModuleStep m) {
            out.writeByte(m.remove() ? REMOVE : LOAD);
            writeNullable(out, m.module());
            writeList(out, m.services());
            writeList(out, m.configuredArgs());
            out.writeBoolean(m.exec());
        } else if (t instanceof PlanTask.Run r) {
            out.writeByte(RUN);
            writeNullable(out, r.script());
            writeList(out, r.env());
        } else if (t instanceof PlanTask.Rpc r) {
            out.writeByte(RPC);
            writeNullable(out, r.topic());
            writeNullable(out, r.payload() == null ? null : JsonStyle.PYTHON.write(r.payload()));
        } else if (t instanceof PlanTask.JavaClass j) {
            out.writeByte(JAVA);
            writeNullable(out, j.className());
            writeList(out, j.env());
        } else {
            PlanTask.Python py = (PlanTask.Python) t;
            out.writeByte(PYTHON);
            writeList(out, py.argv());
            writeList(out, py.env());
        }
        writeList(out, t.predecessors());
        out.writeLong(t.timeoutMs());
    }

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
        List<PlanTask> list = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            list.add(readTask(in));
        }
        return new Plan(rank, list, alternatives, setopt, overwritten, data, env, workers, method);
    }

    private static PlanTask readTask(PlanInput in) throws IOException {
        String name = in.readUTF();
        int kind = in.readByte();
        switch (kind) {
            case LOAD:
            case REMOVE:
                return new PlanTask.ModuleStep(name, kind == REMOVE, readNullable(in), readList(in), readList(in),
                        in.readBoolean(), readList(in), in.readLong());
            case RUN:
                return new PlanTask.Run(name, readNullable(in), readList(in), readList(in), in.readLong());
            case RPC:
                return new PlanTask.Rpc(name, readNullable(in), readPayload(in), readList(in), in.readLong());
            case JAVA:
                return new PlanTask.JavaClass(name, readNullable(in), readList(in), readList(in), in.readLong());
            case PYTHON:
                return new PlanTask.Python(name, readList(in), readList(in), readList(in), in.readLong());
            default:
                throw new IOException("bad task kind " + kind);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readPayload(PlanInput in) throws IOException {
        String payload = readNullable(in);
        if (payload == null) {
            return null;
        }
        try {
            return (Map<String, Object>) Json.parse(payload);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("bad payload: " + e.getMessage());
        }
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
