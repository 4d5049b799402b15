package org.fluxmp.boot.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.fluxmp.boot.plan.Plan;

/**
 * A plan as the cache file holds it: its encoded bytes, decoded only when the plan is asked for.
 * A file may hold a plan per rank class (issue 11); a boot decodes the one that holds for it.
 */
public final class StoredPlan {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private Plan plan;

    private StoredPlan(byte[] bytes, int offset, int length, Plan plan) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.plan = plan;
    }

    /** A plan about to be stored. */
    public static StoredPlan of(Plan plan) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            PlanCodec.write(out, plan);
            out.flush();
            byte[] b = buf.toByteArray();
            return new StoredPlan(b, 0, b.length, plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LENGTH bytes at OFFSET of a verified cache file. */
    static StoredPlan at(byte[] bytes, int offset, int length) {
        return new StoredPlan(bytes, offset, length, null);
    }

    /** The plan, decoded on first use; an undecodable one throws (the caller treats it as a miss). */
    public synchronized Plan plan() {
        if (plan == null) {
            try {
                plan = PlanCodec.read(new PlanInput(bytes, offset, length));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return plan;
    }

    /** Equal when the plans are (both are decoded to compare). */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredPlan p && plan().equals(p.plan());
    }

    @Override
    public int hashCode() {
        return plan().hashCode();
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(length);
        out.write(bytes, offset, length);
    }
}
