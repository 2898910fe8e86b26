package ffcnn.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import ffcnn.report.JsonFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: a line of {@code manifest.jsonl}. {@code checksum} is the SHA-256 (first 16 hex
 * digits) of the line written without it, so a line edited by hand no longer matches.
 *
 * @param index     the line's place, from 0; stable as long as the spec is
 * @param of        how many entries the manifest has
 * @param method    method
 * @param dataset   dataset id
 * @param preset    preset name or file
 * @param seed      train.seed of the run
 * @param set       this entry's values of the spec's {@code set:} and {@code limits:} keys
 * @param dir       run folder, relative to the sweep folder
 * @param checksum  see above
 */
public record SweepEntry(int index, int of, String method, String dataset, String preset, long seed,
        Map<String, String> set, String dir, String checksum) {

    /** The entry with its checksum computed. */
    static SweepEntry of(int index, int of, String method, String dataset, String preset, long seed,
            Map<String, String> set, String dir) {
        SweepEntry e = new SweepEntry(index, of, method, dataset, preset, seed, set, dir, null);
        return new SweepEntry(index, of, method, dataset, preset, seed, set, dir, e.computeChecksum());
    }

    /** The overrides of {@code ffcnn train}: the set values in order, then the seed. */
    public List<String> overrides() {
        List<String> all = new ArrayList<>();
        set.forEach((k, v) -> all.add(k + "=" + v));
        all.add("train.seed=" + seed);
        return all;
    }

    /** What the entry's seeds are averaged over: everything but the seed. */
    public String setting() {
        StringBuilder s = new StringBuilder(method).append(' ').append(dataset).append(' ').append(preset);
        set.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }

    /** Whether the checksum is the one of the other fields. */
    boolean intact() {
        return computeChecksum().equals(checksum);
    }

    /** The JSON line. */
    String line() {
        try {
            return JsonFiles.lineMapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest entry", e);
        }
    }

    private String computeChecksum() {
        String text = new SweepEntry(index, of, method, dataset, preset, seed, set, dir, null).line();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
