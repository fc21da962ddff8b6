package dev.s2v.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The footprints placed so far, each with the clearance it demands, in a spatial hash: new vessels
 * and fixtures go only where they keep every clearance.
 */
final class Occupancy {
    private static final double CELL_M = 250;

    private record Item(ConvexPolygon shape, double clearanceM) {}

    private final Map<Long, List<Item>> cells = new HashMap<>();
    private double maxClearance;

    /** Whether {@code shape} keeps its clearance and every placed item's from all of them. */
    boolean free(ConvexPolygon shape, double clearanceM) {
        double reach = clearanceM + maxClearance;
        for (long cx = cell(shape.minX() - reach); cx <= cell(shape.maxX() + reach); cx++) {
            for (long cy = cell(shape.minY() - reach); cy <= cell(shape.maxY() + reach); cy++) {
                List<Item> items = cells.get(key(cx, cy));
                if (items == null) {
                    continue;
                }
                for (Item item : items) {
                    if (shape.near(item.shape(), Math.max(clearanceM, item.clearanceM()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Records a footprint and the clearance others must keep from it. */
    void add(ConvexPolygon shape, double clearanceM) {
        maxClearance = Math.max(maxClearance, clearanceM);
        Item item = new Item(shape, clearanceM);
        for (long cx = cell(shape.minX()); cx <= cell(shape.maxX()); cx++) {
            for (long cy = cell(shape.minY()); cy <= cell(shape.maxY()); cy++) {
                cells.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(item);
            }
        }
    }

    private static long cell(double v) {
        return (long) Math.floor(v / CELL_M);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xFFFFFFFFL);
    }
}
