package dev.s2v.model.loss;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the segmentation losses by name: {@code dice} (the default), {@code bce}, {@code
 * dice_bce}, {@code jaccard}, {@code focal} and {@code tversky}.
 *
 * <table>
 *   <caption>Losses and their parameters (defaults)</caption>
 *   <tr><th>name</th><th>parameters</th></tr>
 *   <tr><td>dice</td><td>smooth (1)</td></tr>
 *   <tr><td>bce</td><td>pos_weight (1)</td></tr>
 *   <tr><td>dice_bce</td><td>smooth (1), pos_weight (1)</td></tr>
 *   <tr><td>jaccard</td><td>smooth (1)</td></tr>
 *   <tr><td>focal</td><td>gamma (2), alpha (0.25)</td></tr>
 *   <tr><td>tversky</td><td>alpha (0.3), beta (0.7), smooth (1)</td></tr>
 * </table>
 */
public final class Losses {
    /** The loss used when a configuration names none. */
    public static final String DEFAULT = "dice";

    private Losses() {}

    /**
     * The loss {@code name} with {@code params} (missing ones take their defaults).
     *
     * @throws IllegalArgumentException in one line listing the allowed names or parameters
     */
    public static SegmentationLoss create(String name, Map<String, Double> params) {
        return create(new LossSpec(name, params));
    }

    /** The loss a specification describes. */
    public static SegmentationLoss create(LossSpec spec) {
        return switch (Kind.parse(spec.name())) {
            case DICE -> OverlapLoss.dice(spec.param("smooth"));
            case BCE -> CrossEntropyLoss.weighted(spec.param("pos_weight"));
            case DICE_BCE -> new DiceBceLoss(spec.param("smooth"), spec.param("pos_weight"));
            case JACCARD -> OverlapLoss.jaccard(spec.param("smooth"));
            case FOCAL -> CrossEntropyLoss.focal(spec.param("gamma"), spec.param("alpha"));
            case TVERSKY ->
                    OverlapLoss.tversky(
                            spec.param("alpha"), spec.param("beta"), spec.param("smooth"));
        };
    }

    /** The loss names, in documentation order. */
    public static List<String> names() {
        return Arrays.stream(Kind.values()).map(Kind::key).toList();
    }

    /** A parameter: its default and the interval of allowed values. */
    private record Param(
            String name, double defaultValue, double min, boolean minOpen, double max) {
        static Param positive(String name, double defaultValue) {
            return new Param(name, defaultValue, 0, true, Double.POSITIVE_INFINITY);
        }

        static Param nonNegative(String name, double defaultValue) {
            return new Param(name, defaultValue, 0, false, Double.POSITIVE_INFINITY);
        }

        static Param unit(String name, double defaultValue) {
            return new Param(name, defaultValue, 0, false, 1);
        }

        boolean allows(double value) {
            return Double.isFinite(value) && (minOpen ? value > min : value >= min) && value <= max;
        }

        String range() {
            if (max == 1) {
                return "in [0, 1]";
            }
            return minOpen ? "positive" : "at least 0";
        }
    }

    /** The catalogue: names, parameters, defaults and allowed ranges. */
    enum Kind {
        DICE(Param.positive("smooth", 1)),
        BCE(Param.positive("pos_weight", 1)),
        DICE_BCE(Param.positive("smooth", 1), Param.positive("pos_weight", 1)),
        JACCARD(Param.positive("smooth", 1)),
        FOCAL(Param.nonNegative("gamma", 2), Param.unit("alpha", 0.25)),
        TVERSKY(
                Param.nonNegative("alpha", 0.3),
                Param.nonNegative("beta", 0.7),
                Param.positive("smooth", 1));

        private final List<Param> params;

        Kind(Param... params) {
            this.params = List.of(params);
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String name) {
            if (name != null) {
                for (Kind kind : values()) {
                    if (kind.key().equalsIgnoreCase(name.trim())) {
                        return kind;
                    }
                }
            }
            throw new IllegalArgumentException(
                    "unknown loss '" + name + "'; allowed: " + String.join(", ", names()));
        }

        Map<String, Double> resolve(Map<String, Double> given) {
            for (String key : given.keySet()) {
                if (params.stream().noneMatch(p -> p.name().equals(key))) {
                    throw new IllegalArgumentException(
                            "loss "
                                    + key()
                                    + " has no parameter '"
                                    + key
                                    + "'; allowed: "
                                    + params.stream()
                                            .map(Param::name)
                                            .collect(Collectors.joining(", ")));
                }
            }
            Map<String, Double> resolved = new LinkedHashMap<>();
            for (Param param : params) {
                Double value = given.getOrDefault(param.name(), param.defaultValue());
                if (value == null || !param.allows(value)) {
                    throw new IllegalArgumentException(
                            "loss "
                                    + key()
                                    + " parameter "
                                    + param.name()
                                    + " must be "
                                    + param.range()
                                    + ", got "
                                    + value);
                }
                resolved.put(param.name(), value);
            }
            if (this == TVERSKY && resolved.get("alpha") + resolved.get("beta") == 0) {
                // the index would be 1 whatever the prediction: nothing to learn from
                throw new IllegalArgumentException(
                        "loss tversky needs alpha + beta > 0, got alpha 0 and beta 0");
            }
            return Collections.unmodifiableMap(resolved);
        }
    }
}
