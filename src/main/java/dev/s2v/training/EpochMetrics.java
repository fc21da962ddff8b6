package dev.s2v.training;

import java.util.Locale;

/**
 * One row of {@code metrics.csv}: an epoch's training loss and its validation scores. Pixel scores
 * (IoU, precision, recall, F1) count every validation pixel at the training threshold; the Dice
 * score is the soft Dice coefficient pooled over every validation pixel ({@code 2 sum(p y) /
 * (sum(p) + sum(y))}), which moves even when no pixel crosses the threshold.
 *
 * @param epoch 1-based epoch
 * @param trainLoss mean loss over the epoch's training batches
 * @param valLoss mean loss over the validation batches
 * @param valDice soft Dice coefficient of the validation split
 * @param valIou intersection over union at the threshold
 * @param valPrecision precision at the threshold
 * @param valRecall recall at the threshold
 * @param valF1 F1 (hard Dice) at the threshold
 * @param learningRate the learning rate the epoch trained with
 * @param seconds wall time of the epoch, validation included
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double valLoss,
        double valDice,
        double valIou,
        double valPrecision,
        double valRecall,
        double valF1,
        double learningRate,
        double seconds) {

    /** The CSV header, in column order. */
    public static final String HEADER =
            "epoch,train_loss,val_loss,val_dice,val_iou,val_precision,val_recall,val_f1,"
                    + "learning_rate,seconds";

    /** The CSV line. */
    public String toCsv() {
        return String.format(
                Locale.ROOT,
                "%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.3g,%.1f",
                epoch,
                trainLoss,
                valLoss,
                valDice,
                valIou,
                valPrecision,
                valRecall,
                valF1,
                learningRate,
                seconds);
    }

    /**
     * Parses a CSV line written by {@link #toCsv()}.
     *
     * @throws IllegalArgumentException when the line is malformed
     */
    public static EpochMetrics parse(String line) {
        String[] f = line.split(",");
        if (f.length != 10) {
            throw new IllegalArgumentException("expected 10 fields (" + HEADER + "): " + line);
        }
        return new EpochMetrics(
                Integer.parseInt(f[0]),
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                Double.parseDouble(f[9]));
    }
}
