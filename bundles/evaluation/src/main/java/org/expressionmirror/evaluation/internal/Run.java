package org.expressionmirror.evaluation.internal;

import java.util.List;
import java.util.Map;

/**
 * When and how one evaluation ran; written into the report's top level.
 *
 * @param timestamp start of the run, ISO-8601 in UTC
 * @param detectorSettings the detector's configured settings (its Config Admin properties; a
 *     setting not listed has the detector's documented default); empty without a detector
 * @param wallSeconds wall time from the first image read to the last one scored (both models)
 * @param imagesPerSecond images scored per second of wall time
 * @param skippedLabels label folders left out by {@code --skip-unknown-labels}
 * @param labelRule how a label file's votes became labels ({@code ferplus} or {@code plurality});
 *     null for label folders
 * @param leftOut images of a label file without a label under that rule
 * @param leftOutImages those images, with why
 */
public record Run(
    String timestamp,
    Map<String, Object> detectorSettings,
    double wallSeconds,
    double imagesPerSecond,
    List<Skipped> skippedLabels,
    String labelRule,
    long leftOut,
    List<LeftOut> leftOutImages) {}
