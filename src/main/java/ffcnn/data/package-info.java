/**
 * Datasets: the known benchmarks ({@link ffcnn.data.KnownDataset}), where their files are
 * ({@link ffcnn.data.DatasetLocator}), reading and checking them ({@link ffcnn.data.IdxReader},
 * {@link ffcnn.data.CifarReader}, {@link ffcnn.data.Checksums}), the seeded train/valid split
 * ({@link ffcnn.data.Datasets}), normalised batches ({@link ffcnn.data.Batches}) and downloads
 * ({@link ffcnn.data.DatasetFetcher}). Image folders ({@link ffcnn.data.FolderDatasets}: {@code folder:DIR},
 * Tiny-ImageNet, ImageNet) are decoded into memory or, when large, batch by batch
 * ({@link ffcnn.data.ImageSource}, {@link ffcnn.data.FolderSource}); {@link ffcnn.data.Augmentation} crops
 * and flips training batches. Plain Java arrays only: must not import {@code ai.djl} or any other
 * ffcnn package but {@code ffcnn} itself ({@code UserInputException}) and {@code ffcnn.io}.
 */
package ffcnn.data;
