package org.expressionmirror.api;

import java.util.List;

/**
 * Who an expression model is and what it reads.
 *
 * @param id stable id used in configuration, e.g. {@code minixception-fer2013}
 * @param version model version
 * @param labels canonical labels the model outputs
 * @param source where the weights come from (package, version, file, sha256)
 * @param licence licence of the weights
 * @param inputContract one-line summary of size, colour, layout and scaling
 */
public record ModelInfo(
    String id,
    String version,
    List<String> labels,
    String source,
    String licence,
    String inputContract) {
  public ModelInfo {
    labels = List.copyOf(labels);
  }
}
