package org.fluxmp.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** An array: of values, or of tables made by {@code [[...]]} headers. */
final class FastTomlArray implements TomlArray {
    final boolean ofTables;
    final List<Object> values = new ArrayList<>();
    private final List<TomlPosition> positions = new ArrayList<>();

    FastTomlArray(boolean ofTables) {
        this.ofTables = ofTables;
    }

    void add(Object v, TomlPosition at) {
        values.add(v);
        positions.add(at);
    }

    private boolean first(Class<?> type) {
        return !values.isEmpty() && type.isInstance(values.get(0));
    }

    @Override public int size() { return values.size(); }
    @Override public boolean isEmpty() { return values.isEmpty(); }
    @Override public boolean containsStrings() { return first(String.class); }
    @Override public boolean containsLongs() { return first(Long.class); }
    @Override public boolean containsDoubles() { return false; }
    @Override public boolean containsBooleans() { return first(Boolean.class); }
    @Override public boolean containsOffsetDateTimes() { return false; }
    @Override public boolean containsLocalDateTimes() { return false; }
    @Override public boolean containsLocalDates() { return false; }
    @Override public boolean containsLocalTimes() { return false; }
    @Override public boolean containsArrays() { return first(TomlArray.class); }
    @Override public boolean containsTables() { return first(TomlTable.class); }
    @Override public Object get(int index) { return values.get(index); }
    @Override public TomlPosition inputPositionOf(int index) { return positions.get(index); }
    @Override public List<Object> toList() { return Collections.unmodifiableList(values); }
}
