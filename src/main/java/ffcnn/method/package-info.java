/**
 * From a method name and a preset to a configured run: the method registry, preset loading and
 * overrides, training runs in a folder (start, resume, results), comparisons of several methods (each
 * trained in a process of its own) and trained models read back. The Java API for users who do not want
 * the CLI. Must not import cli.
 */
package ffcnn.method;
