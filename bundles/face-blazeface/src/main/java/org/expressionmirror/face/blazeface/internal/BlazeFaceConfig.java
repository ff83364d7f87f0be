package org.expressionmirror.face.blazeface.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration {@value #PID}, shared by both BlazeFace detectors. Broken values are rejected with
 * a message naming the key and value; a running detector then keeps its previous settings.
 */
@ObjectClassDefinition(
    id = BlazeFaceConfig.PID,
    name = "BlazeFace face detector",
    description = "MediaPipe BlazeFace (front 128 and back 256 models) run by ONNX Runtime.")
public @interface BlazeFaceConfig {
  String PID = "mirror.detector.blazeface";

  @AttributeDefinition(
      description =
          "Minimum score of a face for the front 128 model (id blazeface), strictly between 0 and"
              + " 1. Default 0.75, as in keijiro's BlazeFace sample.")
  double scoreThreshold() default 0.75;

  @AttributeDefinition(
      description =
          "Minimum score of a face for the back 256 model (id blazeface-back), strictly between 0"
              + " and 1. Default 0.7: the back model scores small, far faces lower.")
  double backScoreThreshold() default 0.7;

  @AttributeDefinition(
      description =
          "Minimum score of a face in a region the pipeline cuts around a face found in the frame"
              + " before (its region passes, by either model), strictly between 0 and 1. Default"
              + " 0.6: a face was there a frame ago and the region holds little else, so weaker"
              + " evidence will do; the whole-frame thresholds stay higher because most of a"
              + " frame holds no face. MediaPipe's own default for both is 0.5.")
  double regionScoreThreshold() default 0.6;

  @AttributeDefinition(
      description =
          "Detections overlapping a stronger one by more than this intersection over union are"
              + " merged into it; strictly between 0 and 1. Default 0.3, as in MediaPipe.")
  double nmsIouThreshold() default 0.3;

  @AttributeDefinition(
      description =
          "Merge overlapping detections by a score-weighted mean (MediaPipe's weighted NMS) rather"
              + " than keeping only the strongest. Default true.")
  boolean weightedNms() default true;

  @AttributeDefinition(description = "At most this many faces per frame, 1 to 1000. Default 10.")
  int maxFaces() default 10;
}
