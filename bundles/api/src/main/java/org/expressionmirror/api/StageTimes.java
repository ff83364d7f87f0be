package org.expressionmirror.api;

/** Milliseconds one frame spent in each stage of the pipeline. */
public record StageTimes(double decodeMs, double detectMs, double classifyMs, double smoothMs) {}
