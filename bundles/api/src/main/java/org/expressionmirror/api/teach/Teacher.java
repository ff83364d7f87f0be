package org.expressionmirror.api.teach;

import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Learns one person's expressions: {@link #record} keeps the backbone features of a face (in
 * memory, never the image), {@link #train} fits a personal head on them and offers it as the
 * expression model {@link #MODEL_ID}, {@link #save} writes it as a model like any other. Nothing
 * reaches the disk before {@link #save}. Thread-safe.
 */
@ProviderType
public interface Teacher {
  /** The id of the trained model while it lives in memory. */
  String MODEL_ID = "personal";

  /** The labels that can be taught, the canonical expressions in their fixed order. */
  List<String> expressions();

  /**
   * Computes the features of the face in {@code box} of {@code frame} and keeps them under {@code
   * label}. The frame is not kept.
   *
   * @return the samples now kept for each label
   * @throws IllegalArgumentException when the label is not one of {@link #expressions()}
   * @throws IllegalStateException when the backbone cannot be used (the message says why)
   */
  TeachCounts record(String label, Frame frame, Box box);

  /**
   * Loads the backbone now (it is loaded on the first {@link #record} otherwise), so a hold records
   * from its first frame. Idempotent; takes a second or two the first time.
   *
   * @throws IllegalStateException when the backbone cannot be used (the message says why)
   */
  void prepare();

  /** The samples kept for each label. */
  TeachCounts counts();

  /**
   * Trains the personal head on the samples kept, cross-validates it and offers it as the model
   * {@link #MODEL_ID} (replacing an earlier one). Takes seconds.
   *
   * @throws IllegalStateException when there are not enough samples; the message says which
   */
  TeachResult train();

  /**
   * Writes the model trained last into the user's models folder as {@code NAME.onnx}, {@code
   * NAME.golden.json} and {@code NAME.json}, each file moved into place atomically.
   *
   * @return the description file written
   * @throws IllegalStateException when nothing is trained or the files cannot be written
   * @throws IllegalArgumentException when {@code name} is not a model id, is a shipped model's, or
   *     is already one of the user's models (a model kept is never replaced)
   */
  String save(String name);

  /** Drops every sample and the trained model (its service goes). */
  void forget();
}
