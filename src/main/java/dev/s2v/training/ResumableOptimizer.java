package dev.s2v.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam (as Keras defines it: beta1 0.9, beta2 0.999, epsilon 1e-7, bias-corrected) or SGD with
 * Nesterov momentum 0.9, with a learning rate the training loop may change and a state that a
 * checkpoint saves and restores exactly. DJL's own optimizers keep their moments private, so a
 * resumed run would restart them from zero and diverge from an uninterrupted one.
 */
final class ResumableOptimizer extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-7f;
    private static final float MOMENTUM = 0.9f;

    private final boolean adam;
    private final NDManager stateManager;
    private final Map<String, NDArray> first = new TreeMap<>();
    private final Map<String, NDArray> second = new TreeMap<>();
    private final Map<String, Integer> steps = new TreeMap<>();
    private float learningRate;
    private Map<String, String> names = Map.of();

    /**
     * An optimizer whose moment arrays live in {@code stateManager}.
     *
     * @param kind {@code adam} or {@code sgd}
     */
    ResumableOptimizer(String kind, float learningRate, NDManager stateManager) {
        super(new Builder());
        this.adam = "adam".equals(kind);
        this.learningRate = learningRate;
        this.stateManager = stateManager;
    }

    /**
     * Names the parameters: DJL's parameter ids differ in every process, so the saved state is
     * keyed by each parameter's path in the block instead.
     */
    void nameParameters(PairList<String, Parameter> parameters) {
        Map<String, String> byId = new TreeMap<>();
        for (Pair<String, Parameter> p : parameters) {
            byId.put(p.getValue().getId(), p.getKey());
        }
        names = byId;
    }

    float learningRate() {
        return learningRate;
    }

    void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        // Every temporary of the update is closed here; only the in-place results remain.
        try (NDScope scope = new NDScope()) {
            NDArray m = first.computeIfAbsent(parameterId, k -> zerosLike(weight));
            int t = steps.merge(parameterId, 1, Integer::sum);
            if (adam) {
                NDArray v = second.computeIfAbsent(parameterId, k -> zerosLike(weight));
                m.muli(BETA1).addi(grad.mul(1 - BETA1));
                v.muli(BETA2).addi(grad.square().muli(1 - BETA2));
                double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
                weight.subi(m.div(v.sqrt().addi(EPSILON)).muli(learningRate * correction));
            } else {
                m.muli(MOMENTUM).addi(grad);
                weight.subi(grad.add(m.mul(MOMENTUM)).muli(learningRate));
            }
        }
    }

    private NDArray zerosLike(NDArray weight) {
        NDArray zeros = stateManager.zeros(weight.getShape(), weight.getDataType());
        NDScope.unregister(zeros);
        return zeros;
    }

    /**
     * Writes the moments and step counts.
     *
     * @throws IOException when writing fails
     */
    void save(DataOutputStream out) throws IOException {
        out.writeBoolean(adam);
        out.writeFloat(learningRate);
        out.writeInt(steps.size());
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            out.writeUTF(nameOf(e.getKey()));
            out.writeInt(e.getValue());
            writeArray(out, first.get(e.getKey()));
            if (adam) {
                writeArray(out, second.get(e.getKey()));
            }
        }
    }

    /**
     * Restores what {@link #save} wrote.
     *
     * @throws IOException when the state is unreadable or of another optimizer
     */
    void load(DataInputStream in) throws IOException {
        if (in.readBoolean() != adam) {
            throw new IOException("the checkpoint was written by another optimizer");
        }
        learningRate = in.readFloat();
        int count = in.readInt();
        first.clear();
        second.clear();
        steps.clear();
        Map<String, String> idOfName = new TreeMap<>();
        names.forEach((id, name) -> idOfName.put(name, id));
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            String id = idOfName.get(name);
            if (id == null) {
                throw new IOException(
                        "the checkpoint holds optimizer state of an unknown parameter " + name);
            }
            steps.put(id, in.readInt());
            first.put(id, readArray(in));
            if (adam) {
                second.put(id, readArray(in));
            }
        }
    }

    private String nameOf(String id) {
        String name = names.get(id);
        if (name == null) {
            throw new IllegalStateException("parameter " + id + " was not named before saving");
        }
        return name;
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = new NDList(array).encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private NDArray readArray(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return NDList.decode(stateManager, bytes).singletonOrThrow();
    }

    /** DJL's optimizers need a builder; the settings above are fixed. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
