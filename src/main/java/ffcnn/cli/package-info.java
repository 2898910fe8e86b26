/**
 * The {@code ffcnn} command line (picocli): train, compare, eval, predict, datasets, methods, bench.
 * User errors print one line and exit 2. Nothing else in ffcnn imports this package.
 */
package ffcnn.cli;
