package org.expressionmirror.pipeline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which components the pipeline uses; PID {@code mirror.pipeline}, edited live. */
@ObjectClassDefinition(
    name = "Expression Mirror pipeline",
    description = "Selects the detector, expression model and smoother by id; edited while running.")
public @interface PipelineConfig {
  @AttributeDefinition(
      description =
          "Face detector id: blazeface-back (default), blazeface, haar, haar-alt, haar-alt2, haar-profile, lbp, chain")
  // BlazeFace (256 px) found more of the faces than Haar on every set measured here (the shared
  // photos and clip, FER with detection, the face-api group photos), at a fraction of its CPU
  String detector() default "blazeface-back";

  @AttributeDefinition(description = "Expression model id: faceapi-expression (default), minixception-fer2013, ensemble, ...")
  String model() default "faceapi-expression";

  @AttributeDefinition(description = "Smoother id: ema, window or none")
  String smoother() default "ema";

  @AttributeDefinition(description = "Extra LDAP filter a detector must match (raw DS-style target)")
  String detector_target() default "";

  @AttributeDefinition(description = "Extra LDAP filter an expression model must match")
  String model_target() default "";

  @AttributeDefinition(description = "Extra LDAP filter a smoother must match")
  String smoother_target() default "";

  @AttributeDefinition(description = "Seconds of source time a face may be missing before its track is forgotten")
  double trackTimeoutSeconds() default 1.0;

  @AttributeDefinition(description = "Least overlap (IoU) for a face to continue a track")
  double trackMinIou() default 0.3;

  @AttributeDefinition(description = "Seconds to wait at start for the selected components to appear")
  double startupTimeoutSeconds() default 15;

  @AttributeDefinition(description = "Read only the largest face; the others get a plain frame")
  boolean onlyMyFace() default false;

  @AttributeDefinition(
      description =
          "Compare mode: id of a second expression model that reads the same faces beside the"
              + " first (B beside A); empty (default) = off")
  String compare_model() default "";

  @AttributeDefinition(
      description =
          "Compare mode: id of a second face detector whose faces are read beside the first"
              + " detector's (by compare.model if set, else by the model); empty (default) = off")
  String compare_detector() default "";

  @AttributeDefinition(
      description =
          "Every label whose smoothed probability is at least this is shown in the window and recorded"
              + " (labelsAbove), besides the three strongest; in (0, 1]")
  double labelThreshold() default 0.3;

  @AttributeDefinition(
      description =
          "The detector looks at the whole frame every this many frames and in between only around"
              + " the faces of the frame before (each face's record says which: pass full or region);"
              + " 1 (default) = the whole frame every time; an integer from 1 to 1000")
  int fullPassEvery() default 1;

  @AttributeDefinition(
      description =
          "When a whole-frame pass found no face, the next whole-frame pass comes this many frames"
              + " later, and the frames in between get no detection pass (their record says"
              + " pass none); 6 (default) finds a face that enters within 200 ms at 30 frames a"
              + " second; 1 = every frame; not for the images of a folder; an integer from 1 to 1000")
  int idlePassEvery() default 6;
}
