package org.fluxmp.solver.schedule;

/**
 * A min-heap of task indices ordered by a key per task, then by index: the ready tasks by
 * priority, or the running ones by end, for list scheduling without boxing.
 */
final class TaskHeap {
    private final int[] heap;
    private final long[] key;
    private int size;

    /** Up to N tasks, 0 to N - 1. */
    TaskHeap(int n) {
        this.heap = new int[n];
        this.key = new long[n];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds task I with KEY. */
    void add(int i, long k) {
        key[i] = k;
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >> 1;
            if (!before(i, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = i;
    }

    /** The first task's key. */
    long peekKey() {
        return key[heap[0]];
    }

    /** Removes and returns the first task. */
    int poll() {
        int first = heap[0];
        int last = heap[--size];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = last;
        return first;
    }

    private boolean before(int a, int b) {
        return key[a] != key[b] ? key[a] < key[b] : a < b;
    }
}
