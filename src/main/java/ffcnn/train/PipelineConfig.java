package ffcnn.train;

import java.util.List;

/**
 * The {@code train.pipeline:} section, read when {@code train.schedule} is {@code pipelined} ({@link Pipeline}).
 *
 * @param stages   stages, each a thread running a contiguous run of learning units (0: two per engine thread;
 *                 never more than there are units)
 * @param depth    batches the queue in front of each stage holds (>= 1)
 * @param lockstep stages take turns in the order of the sequential step instead of running at once: the same
 *                 parameters as {@code sequential}, bit for bit (a check of the pipeline, not a speed-up)
 * @param split    the first unit of every stage after the first, ascending (empty: stages balanced on the unit
 *                 times measured on the epoch's first batch)
 * @param threads  engine threads of each stage's operations (0: all of them, each stage's idle threads sleeping
 *                 while another stage computes; on 2 cores that was faster than a share each: README "Pipeline")
 */
public record PipelineConfig(int stages, int depth, boolean lockstep, List<Integer> split, int threads) {

    /** Two stages per engine thread, two batches per queue, running at once, balanced by measurement. */
    public static final PipelineConfig DEFAULT = new PipelineConfig(0, 2, false, List.of(), 0);

    /** Stages with every engine thread each. */
    public PipelineConfig(int stages, int depth, boolean lockstep, List<Integer> split) {
        this(stages, depth, lockstep, split, 0);
    }

    public PipelineConfig {
        if (stages < 0 || stages == 1) {
            throw new IllegalArgumentException("train.pipeline.stages must be 0 (automatic) or >= 2, got " + stages);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("train.pipeline.depth must be >= 1, got " + depth);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("train.pipeline.threads must be >= 0 (0: every engine thread), got "
                    + threads);
        }
        split = split == null ? List.of() : List.copyOf(split);
        for (int i = 0; i < split.size(); i++) {
            if (split.get(i) < 1 || (i > 0 && split.get(i) <= split.get(i - 1))) {
                throw new IllegalArgumentException("train.pipeline.split lists the first unit of every stage after"
                        + " the first, ascending and >= 1, got " + split);
            }
        }
        if (!split.isEmpty() && stages != 0 && stages != split.size() + 1) {
            throw new IllegalArgumentException("train.pipeline.split " + split + " makes " + (split.size() + 1)
                    + " stages, train.pipeline.stages says " + stages);
        }
    }
}
