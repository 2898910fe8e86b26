package ffcnn.data;

import ffcnn.UserInputException;
import ffcnn.io.AtomicFiles;
import ffcnn.io.OsErrors;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Downloads a dataset's official files into {@code <root>/<id>/}, checks the official md5s and unpacks
 * tarballs. Everything happens in a hidden staging folder under the root; only verified files are then
 * moved into place, each with one atomic rename, so a failed or interrupted fetch leaves no partial file
 * where datasets are read (stale staging folders are removed by the next fetch).
 */
public final class DatasetFetcher {

    /** Receives download progress; {@code total} is -1 when the server does not say. */
    @FunctionalInterface
    public interface Progress {
        /** Nothing reported. */
        Progress NONE = (file, done, total) -> { };

        void update(String file, long done, long total);
    }

    private static final int REPORT_EVERY = 1 << 20;

    private final Path root;
    private final Progress progress;

    /** A fetcher writing under {@code root} (the user cache: {@link DatasetLocator#cacheRoot()}). */
    public DatasetFetcher(Path root, Progress progress) {
        this.root = root;
        this.progress = progress;
    }

    /** Fetches {@code dataset} from its official address; returns the folder holding its files. */
    public Path fetch(KnownDataset dataset) {
        return fetch(dataset, URI.create(dataset.downloadBaseUrl()));
    }

    /**
     * Fetches {@code dataset}'s {@link KnownDataset#downloads()} from {@code baseUrl} (a mirror, or a
     * {@code file:} folder), unless its files are already there with the official checksums.
     *
     * @return the folder holding the files, {@code <root>/<id>}
     * @throws UserInputException when a download or an extracted file has the wrong md5
     */
    public Path fetch(KnownDataset dataset, URI baseUrl) {
        Path target = root.resolve(dataset.id());
        if (allOk(Checksums.verify(dataset, target))) {
            return target;
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            removeStale(dataset);
            staging = Files.createTempDirectory(root, stagingPrefix(dataset));
            for (DatasetFile file : dataset.downloads()) {
                Path got = download(withSlash(baseUrl).resolve(file.name()), staging.resolve(file.name()), file);
                if (file.name().endsWith(".tar.gz")) {
                    extract(got, staging);
                    Files.delete(got);
                }
            }
            requireVerified(dataset, staging);
            install(staging, target);
            return target;
        } catch (IOException e) {
            throw failure(dataset, baseUrl, e);
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }

    /** A one-line reason; a network failure says how to do without the network. */
    private UncheckedIOException failure(KnownDataset dataset, URI baseUrl, IOException e) {
        String why = "cannot fetch " + dataset.id() + " into " + root + ": " + OsErrors.reason(e);
        if (!(e instanceof java.nio.file.FileSystemException)) {
            why += " (from " + baseUrl + "); without the network, copy the files (" + names(dataset) + ") to "
                    + root.resolve(dataset.id()) + " or point --data-dir at a folder that has them";
        }
        return new UncheckedIOException(why, e);
    }

    private static String names(KnownDataset dataset) {
        return String.join(", ", dataset.downloads().stream().map(DatasetFile::name).toList());
    }

    private static URI withSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }

    private static String stagingPrefix(KnownDataset dataset) {
        return "." + dataset.id() + ".fetch-";
    }

    private static boolean allOk(List<Checksums.FileCheck> checks) {
        return checks.stream().allMatch(c -> c.status() == Checksums.Status.OK);
    }

    /** Downloads {@code url} to {@code to}, computing the md5 on the way. */
    private Path download(URI url, Path to, DatasetFile file) throws IOException {
        URLConnection conn = url.toURL().openConnection();
        conn.setConnectTimeout(30_000);
        conn.setReadTimeout(60_000);
        if (conn instanceof HttpURLConnection http && http.getResponseCode() != HttpURLConnection.HTTP_OK) {
            throw new IOException(url + ": HTTP " + http.getResponseCode() + " " + http.getResponseMessage());
        }
        long total = conn.getContentLengthLong();
        MessageDigest md = Checksums.newMd5();
        long done = 0;
        try (InputStream in = conn.getInputStream(); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            long reported = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                md.update(buf, 0, n);
                done += n;
                if (done - reported >= REPORT_EVERY) {
                    progress.update(file.name(), done, total);
                    reported = done;
                }
            }
        }
        progress.update(file.name(), done, total < 0 ? done : total); // the last report says it is complete
        String md5 = Checksums.hex(md.digest());
        boolean sameContent = file.compressed() && file.contentMd5().equals(Checksums.contentMd5(to));
        if (!md5.equals(file.md5()) && !sameContent) { // a mirror may have rewritten the gzip header
            throw new UserInputException(url + ": wrong checksum, md5 " + md5 + ", expected " + file.md5()
                    + " (official); nothing was written");
        }
        return to;
    }

    /** Unpacks the regular files of a {@code .tar.gz} flat into {@code dir} (folders inside are dropped). */
    static void extract(Path tarball, Path dir) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path name = Path.of(e.getName()).getFileName();
                if (!e.isFile() || name == null || name.toString().startsWith(".")) {
                    continue; // folders, links, and hidden files (macOS "._x") are not dataset files
                }
                Files.copy(tar, dir.resolve(name.toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void requireVerified(KnownDataset dataset, Path dir) {
        for (Checksums.FileCheck c : Checksums.verify(dataset, dir)) {
            if (c.status() != Checksums.Status.OK) {
                throw new UserInputException(dataset.id() + " download: " + c.file().name() + " is "
                        + (c.status() == Checksums.Status.MISSING ? "missing from the archive"
                        : "wrong, md5 " + c.actualMd5() + ", expected " + c.file().md5())
                        + "; nothing was written");
            }
        }
    }

    /** Moves every staged file into {@code target}, one atomic rename each. */
    private static void install(Path staging, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.toList()) {
                Files.move(f, target.resolve(f.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void removeStale(KnownDataset dataset) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(p -> p.getFileName().toString().startsWith(stagingPrefix(dataset)))
                    .forEach(AtomicFiles::deleteTree);
        }
    }
}
