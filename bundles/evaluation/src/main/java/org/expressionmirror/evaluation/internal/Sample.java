package org.expressionmirror.evaluation.internal;

import java.nio.file.Path;

/**
 * One labelled image of a dataset.
 *
 * @param label canonical label of the image's folder
 * @param image the image file
 */
record Sample(String label, Path image) {}
