package ffcnn.nn;

/**
 * The {@code model:} section of a preset.
 *
 * @param arch       {@code tiny-cnn}, {@code vgg} or {@code resnet17}
 * @param width      channel multiplier (3 = CHx3)
 * @param dropout    dropout probability after each ReLU
 * @param outputNorm normalisation of what each layer passes on: {@code instance}, {@code group}, {@code none}
 * @param init       conv initialisation: {@code uniform-fan-in} (PyTorch default), {@code normal-fan-out}
 *                   (kaiming normal, fan out) or {@code normal-fan-in} (kaiming normal, fan in)
 * @param inputSize  side length images are resized to (bilinear) before layer 0; 0 keeps the dataset's
 * @param block      the order of operations in each layer's body, one of {@link LayerBody#BLOCKS}
 */
public record ModelConfig(String arch, double width, double dropout, String outputNorm, String init,
        int inputSize, String block) {

    public ModelConfig {
        if (width <= 0 || dropout < 0 || dropout >= 1 || inputSize < 0) {
            throw new IllegalArgumentException("model.width > 0, 0 <= model.dropout < 1, model.input_size >= 0");
        }
        if (!LayerBody.BLOCKS.contains(block)) {
            throw new IllegalArgumentException("model.block must be one of " + String.join(", ", LayerBody.BLOCKS));
        }
    }
}
