package dev.s2v.synth;

import java.util.List;

/**
 * What an object paints over the scene: an outer shape (disjoint convex polygons of one material)
 * and inner parts (convex polygons, each of its own material, lying inside the outer shape), such
 * as a hull with its deck, superstructure and containers, or an islet's rock rim around its
 * vegetation. Each pixel gets the exact area shares: {@code outer coverage - inner coverage} of the
 * outer material, each inner part's coverage of its own.
 *
 * @param outer the outline, as disjoint convex pieces
 * @param outerSurface the material of the outline not covered by inner parts
 * @param inner parts inside the outline
 * @param innerSpectra the material of each inner part
 */
record Footprint(
        List<ConvexPolygon> outer,
        Surface outerSurface,
        List<ConvexPolygon> inner,
        List<Spectrum> innerSpectra) {

    /** Copies the lists and checks that every inner part has a material. */
    Footprint {
        if (outer.isEmpty()) {
            throw new IllegalArgumentException("a footprint needs an outline");
        }
        if (inner.size() != innerSpectra.size()) {
            throw new IllegalArgumentException(
                    inner.size() + " inner parts but " + innerSpectra.size() + " materials");
        }
        outer = List.copyOf(outer);
        inner = List.copyOf(inner);
        innerSpectra = List.copyOf(innerSpectra);
    }

    /** A single convex shape of one material. */
    static Footprint solid(ConvexPolygon shape, Spectrum material) {
        return new Footprint(List.of(shape), Surface.of(material), List.of(), List.of());
    }

    double minX() {
        return outer.stream().mapToDouble(ConvexPolygon::minX).min().orElseThrow();
    }

    double maxX() {
        return outer.stream().mapToDouble(ConvexPolygon::maxX).max().orElseThrow();
    }

    double minY() {
        return outer.stream().mapToDouble(ConvexPolygon::minY).min().orElseThrow();
    }

    double maxY() {
        return outer.stream().mapToDouble(ConvexPolygon::maxY).max().orElseThrow();
    }

    /** The share of pixel (col, row) the outline covers. */
    double coverage(int col, int row, double[][] scratch) {
        double c = 0;
        for (ConvexPolygon p : outer) {
            c += p.coverage(col, row, scratch);
        }
        return Math.min(1, c);
    }
}
