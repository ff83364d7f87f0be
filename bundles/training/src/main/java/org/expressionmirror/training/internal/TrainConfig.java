package org.expressionmirror.training.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression head training",
    description = "One training run; PID mirror.train. The launcher's train command writes it.")
public @interface TrainConfig {
  @AttributeDefinition(description = "Dataset: one subfolder of images per label (angry/, happy/, ...; optionally <label>/<subject>/), or a FER+ label.csv (or a folder holding one).")
  String dataset();

  @AttributeDefinition(description = "A FER+ label.csv for the images in the dataset folder; empty (the default) looks for label.csv in it.")
  String labels() default "";

  @AttributeDefinition(description = "Images kept apart for the final head's early stopping (labelled folder or FER+ label.csv, e.g. FER+ valid); empty (the default) holds out a stratified tenth of the training images.")
  String validation() default "";

  @AttributeDefinition(description = "Backbone model id whose frozen features the head learns from (default faceapi-expression).")
  String backbone() default "faceapi-expression";

  @AttributeDefinition(description = "Detector id, or none: the whole image is the face (default none).")
  String detector() default "none";

  @AttributeDefinition(description = "Cross-validation folds, 2 or more (default 5).")
  int folds() default 5;

  @AttributeDefinition(description = "The new model's id and file name (default trained).")
  String name() default "trained";

  @AttributeDefinition(description = "Folder the model is written into; empty (the default) means the user's models folder.")
  String out() default "";

  @AttributeDefinition(description = "JSON report file; empty (the default) prints the report only.")
  String report() default "";

  @AttributeDefinition(description = "L2 weight of the head's weights (default 1e-3).")
  double l2() default 1e-3;

  @AttributeDefinition(description = "Class weights (n / (classes * n_label))^power: 0 none, 1 balanced (default 0.5, the best macro-F1 on FER+ valid for 1 accuracy point).")
  double classWeights() default 0.5;

  @AttributeDefinition(description = "Every image shows one person (their own face): fewer folds when a label has few images, and the description says so (default false).")
  boolean onePerson() default false;

  @AttributeDefinition(description = "What the head learns from FER+ votes: soft (each image's vote shares, single votes dropped; the default) or hard (its majority label alone, one-hot). Label folders give one label per image either way.")
  String targets() default TrainingSet.SOFT;

  @AttributeDefinition(
      description = "How FER+ votes become each image's label (folds, scores, hard targets; an image without one is left out): ferplus (the default; FERPlus's majority: votes of 1 dropped, the top label needs more than half of the rest) or plurality (the most votes, ties left out).")
  String labelRule() default "ferplus";

  @AttributeDefinition(
      description = "Train on each face and its left-right mirror image, score by their averaged probabilities, and export the model with the same mirror pass in its graph (twice the backbone's cost per face; default false).")
  boolean mirror() default false;

  @AttributeDefinition(
      description = "Blend the trained head with the backbone's own head in the exported graph: w * head + (1 - w) * the backbone's"
          + " probabilities mapped to the new labels by canonical label (labels it lacks get 0). 1 (the default): the head alone;"
          + " a weight w in (0, 1]; auto: w chosen among 1, 0.95, ..., 0.05 by accuracy on the validation images (--validation,"
          + " else the final head's early-stopping split), ties to the larger w. Not with onePerson.")
  String blend() default "1";

  @AttributeDefinition(description = "Seed of the folds, the validation split and the shuffles (default 1).")
  long seed() default 1;

  @AttributeDefinition(description = "Seconds to wait for the backbone and detector services (default 30).")
  int waitSeconds() default 30;

  @AttributeDefinition(description = "Ask the program to exit when the run ends: 0, or 2 after an error (default true).")
  boolean exitAtEnd() default true;
}
