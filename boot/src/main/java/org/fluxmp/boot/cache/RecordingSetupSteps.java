package org.fluxmp.boot.cache;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.setup.SetupStepRunner;

/**
 * Runs setup steps through INNER and records what each printed. Steps already run while checking a
 * cache entry (REPLAY, in order) are not run again: their recorded output is handed back, so a miss
 * never runs a setup script twice.
 */
public final class RecordingSetupSteps implements SetupStepRunner {
    private final SetupStepRunner inner;
    private final Deque<SetupRecord> replay;
    private final List<SetupRecord> records = new ArrayList<>();

    public RecordingSetupSteps(SetupStepRunner inner, Deque<SetupRecord> replay) {
        this.inner = inner;
        this.replay = replay;
    }

    @Override
    public List<String> run(String script, Place place) {
        SetupRecord next = replay.peekFirst();
        List<String> out;
        if (next != null && next.script().equals(script)) {
            replay.pollFirst();
            out = next.directives();
        } else {
            replay.clear();
            out = inner.run(script, place);
        }
        records.add(new SetupRecord(script, place.file(), place.line(), List.copyOf(out)));
        return out;
    }

    public List<SetupRecord> records() {
        return records;
    }
}
