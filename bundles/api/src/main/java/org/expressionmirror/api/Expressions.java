package org.expressionmirror.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The canonical expression labels every model's output is mapped onto. They name what a face
 * shows, not what a person feels.
 */
@ProviderType
public interface Expressions {
  String ANGER = "anger";
  String CONTEMPT = "contempt";
  String DISGUST = "disgust";
  String FEAR = "fear";
  String HAPPINESS = "happiness";
  String NEUTRAL = "neutral";
  String SADNESS = "sadness";
  String SURPRISE = "surprise";

  /** All canonical labels in their fixed output order. */
  List<String> CANONICAL =
      List.of(ANGER, CONTEMPT, DISGUST, FEAR, HAPPINESS, NEUTRAL, SADNESS, SURPRISE);
}
