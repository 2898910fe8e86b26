/**
 * Reproducing published figures: the table of published rows (resource {@code reproduce/published.yaml}),
 * time estimates from a short calibration run, and the report of measured against published. Runs go
 * through {@code ffcnn.sweep}; must not import {@code ffcnn.cli}.
 */
package ffcnn.reproduce;
