package dev.s2v.model.loss;

import java.util.Map;

/**
 * A loss by name with all its parameters, defaults filled in: what a configuration asks for and
 * what {@code model.xml} records.
 *
 * @param name one of {@link Losses#names()}, e.g. {@code dice}
 * @param params the loss's parameters by name; missing ones take their defaults, unknown ones are
 *     refused
 */
public record LossSpec(String name, Map<String, Double> params) {

    /**
     * Validates the name and every parameter, fills in defaults and keeps the parameters in the
     * loss's documented order.
     *
     * @throws IllegalArgumentException in one line naming the loss, the parameter and what is
     *     allowed
     */
    public LossSpec {
        Losses.Kind kind = Losses.Kind.parse(name);
        name = kind.key();
        params = kind.resolve(params == null ? Map.of() : params);
    }

    /** The loss with its default parameters. */
    public static LossSpec of(String name) {
        return new LossSpec(name, Map.of());
    }

    /** One parameter's value. */
    public double param(String parameter) {
        Double value = params.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException(
                    "loss " + name + " has no parameter '" + parameter + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return name + params;
    }
}
