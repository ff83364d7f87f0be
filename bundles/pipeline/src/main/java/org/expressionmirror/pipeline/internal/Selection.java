package org.expressionmirror.pipeline.internal;

import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Smoother;

/**
 * The components and the settings that process one frame; fixed for the whole frame. The compare
 * components are null when compare mode does not use them.
 */
record Selection(
    Chosen<FaceDetector> detector,
    Chosen<ExpressionModel> model,
    Chosen<Smoother> smoother,
    Settings settings,
    Chosen<FaceDetector> compareDetector,
    Chosen<ExpressionModel> compareModel,
    Chosen<FaceDetector> regionDetector) {

  /** A selection whose detector does its region passes itself. */
  Selection(
      Chosen<FaceDetector> detector,
      Chosen<ExpressionModel> model,
      Chosen<Smoother> smoother,
      Settings settings,
      Chosen<FaceDetector> compareDetector,
      Chosen<ExpressionModel> compareModel) {
    this(detector, model, smoother, settings, compareDetector, compareModel, null);
  }

  /** A selection without compare mode. */
  Selection(
      Chosen<FaceDetector> detector,
      Chosen<ExpressionModel> model,
      Chosen<Smoother> smoother,
      Settings settings) {
    this(detector, model, smoother, settings, null, null);
  }

  /** The detector of the region passes: the detector's region partner, or else the detector itself. */
  Chosen<FaceDetector> regionPasses() {
    return regionDetector == null ? detector : regionDetector;
  }

  boolean comparing() {
    return compareDetector != null || compareModel != null;
  }

  /** The detector whose faces B reads. */
  Chosen<FaceDetector> bDetector() {
    return compareDetector == null ? detector : compareDetector;
  }

  /** The model that reads B's faces. */
  Chosen<ExpressionModel> bModel() {
    return compareModel == null ? model : compareModel;
  }
}
