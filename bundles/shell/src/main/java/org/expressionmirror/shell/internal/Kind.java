package org.expressionmirror.shell.internal;

import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Smoother;

/** The three kinds of component the pipeline selects by id, with their keys. */
enum Kind {
  DETECTOR("detector", FaceDetector.ID, FaceDetector.VERSION),
  MODEL("model", ExpressionModel.ID, ExpressionModel.VERSION),
  SMOOTHER("smoother", Smoother.ID, Smoother.VERSION);

  /** The word in commands and the key in {@code mirror.pipeline}. */
  final String word;
  /** Service property holding the id. */
  final String idKey;
  /** Service property holding the version. */
  final String versionKey;

  Kind(String word, String idKey, String versionKey) {
    this.word = word;
    this.idKey = idKey;
    this.versionKey = versionKey;
  }

  /** The kind a command names; anything else is refused in one line. */
  static Kind of(String word, String command) {
    for (Kind k : values()) {
      if (k.word.equals(word)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        command + ": '" + word + "' is not detector, model or smoother; the selection is unchanged");
  }
}
