/**
 * Prediction strategies over every layer's class scores (loss-aware weighting, best contiguous range,
 * last layer, all layers) and the evaluator that collects those scores. Must not import train, method,
 * report or cli.
 */
package ffcnn.predict;
