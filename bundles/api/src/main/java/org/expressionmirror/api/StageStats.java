package org.expressionmirror.api;

/** Median and 95th percentile of a stage's milliseconds per frame over a run. */
public record StageStats(double medianMs, double p95Ms) {}
