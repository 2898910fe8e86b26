/**
 * Speed measurements: the training step of ffcnn timed phase by phase, and the same computation written
 * with bare engine calls, run side by side so that ffcnn's overhead over the engine is one ratio.
 * Depends on data, nn, objective and train; nothing depends on it but the CLI.
 */
package ffcnn.bench;
