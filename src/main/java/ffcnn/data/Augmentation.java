package ffcnn.data;

import java.util.SplittableRandom;

/**
 * Training augmentation of the papers (specs/caw-conv.md §7, Tiny-ImageNet): torchvision's
 * {@code RandomCrop(size, padding)} (the image padded with zero pixels, then a window of its own size at a
 * random offset) followed by {@code RandomHorizontalFlip()} (mirrored with probability 1/2). Applied to a
 * normalised batch, where a zero pixel of channel {@code c} is {@code pad[c]}; the random draws come from
 * the caller's generator, three per image in order, so the same seed gives the same images.
 *
 * @param padding pixels of zero padding on each side, {@code >= 0}
 * @param flip    whether to mirror half of the images
 */
public record Augmentation(int padding, boolean flip) {

    /** Random crop with 4 pixels of padding and horizontal flip, as the CAW-Conv Tiny-ImageNet code. */
    public static final Augmentation CROP_AND_FLIP = new Augmentation(4, true);

    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
    }

    /** Augments every image of {@code b} in place; {@code pad[c]} is the normalised zero of channel c. */
    public void apply(Batch b, float[] pad, SplittableRandom random) {
        int h = b.height();
        int w = b.width();
        float[] plane = new float[h * w];
        for (int i = 0; i < b.size(); i++) {
            int dy = random.nextInt(2 * padding + 1) - padding;
            int dx = random.nextInt(2 * padding + 1) - padding;
            boolean mirror = flip && random.nextBoolean();
            for (int c = 0; c < b.channels(); c++) {
                int base = (i * b.channels() + c) * h * w;
                System.arraycopy(b.images(), base, plane, 0, h * w);
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < w; x++) {
                        int sx = (mirror ? w - 1 - x : x) + dx;
                        boolean inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
                        b.images()[base + y * w + x] = inside ? plane[sy * w + sx] : pad[c];
                    }
                }
            }
        }
    }
}
