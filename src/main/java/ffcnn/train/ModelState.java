package ffcnn.train;

import java.util.List;

/**
 * What prediction needs besides the parameters, saved with every model (specs/caw-conv.md 13.4).
 *
 * @param epoch       the last trained epoch (CAW-Conv's temperature depends on it), -1 before training
 * @param layerLosses mean training task loss per layer in that epoch (behind loss-aware weights)
 * @param bestRange   {start, end} of the best contiguous layer range on the validation split
 * @param strategy    the default prediction strategy's name
 * @param classNames  class names in label order
 */
public record ModelState(int epoch, double[] layerLosses, int[] bestRange, String strategy, List<String> classNames) {
}
