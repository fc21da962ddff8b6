package dev.s2v.exploration;

import java.util.Arrays;

/**
 * A weighted random sample of fixed size, without replacement, of pixels (each a vector of band
 * values), by Efraimidis and Spirakis' A-Res: every pixel offered gets the key {@code ln(u) / w}
 * for a uniform u in (0, 1] and its weight w, and the pixels with the largest keys are kept. With
 * equal weights this is a uniform reservoir sample; the keys make it mergeable (the largest keys of
 * two reservoirs are those of the union) and independent of the order pixels arrive in. Values stay
 * in their slot while a min-heap orders the keys. Not thread-safe.
 */
final class PixelReservoir {
    private final int capacity;
    private final int bands;
    private double[] keys = new double[0];
    private int[] slots = new int[0];
    private float[] values = new float[0];
    private int size;

    PixelReservoir(int capacity, int bands) {
        if (capacity < 1 || bands < 1) {
            throw new IllegalArgumentException(
                    "a reservoir needs a capacity and bands of at least 1, got "
                            + capacity
                            + " and "
                            + bands);
        }
        this.capacity = capacity;
        this.bands = bands;
    }

    /** Pixels held. */
    int size() {
        return size;
    }

    /** The key a pixel must exceed to enter: minus infinity until the reservoir is full. */
    double threshold() {
        return size < capacity ? Double.NEGATIVE_INFINITY : keys[0];
    }

    /**
     * Offers a pixel whose band values are {@code values[offset .. offset + bands)}; it enters when
     * its key exceeds {@link #threshold()}, replacing the pixel of the smallest key when full.
     */
    void offer(double key, float[] pixel, int offset) {
        if (size < capacity) {
            grow();
            int slot = size;
            System.arraycopy(pixel, offset, values, slot * bands, bands);
            keys[size] = key;
            slots[size] = slot;
            size++;
            siftUp(size - 1);
        } else if (key > keys[0]) {
            System.arraycopy(pixel, offset, values, slots[0] * bands, bands);
            keys[0] = key;
            siftDown(0);
        }
    }

    /** Offers every pixel of another reservoir with its key. */
    void offerAll(PixelReservoir other) {
        if (other.bands != bands) {
            throw new IllegalArgumentException(
                    "reservoirs of " + bands + " and " + other.bands + " bands cannot merge");
        }
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.values, other.slots[i] * bands);
        }
    }

    /**
     * The pixels as {@code [band][pixel]}, largest key first: any prefix of this order is itself a
     * weighted random sample, and the order does not depend on how the pixels arrived.
     */
    float[][] byBand() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        float[][] out = new float[bands][size];
        for (int i = 0; i < size; i++) {
            int base = slots[order[i]] * bands;
            for (int b = 0; b < bands; b++) {
                out[b][i] = values[base + b];
            }
        }
        return out;
    }

    private void grow() {
        if (size < keys.length) {
            return;
        }
        int length = (int) Math.min(capacity, Math.max(1024, 2L * keys.length));
        keys = Arrays.copyOf(keys, length);
        slots = Arrays.copyOf(slots, length);
        values = Arrays.copyOf(values, length * bands);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (keys[parent] <= keys[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && keys[left + 1] < keys[left] ? left + 1 : left;
            if (keys[i] <= keys[smallest]) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        double key = keys[a];
        keys[a] = keys[b];
        keys[b] = key;
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
