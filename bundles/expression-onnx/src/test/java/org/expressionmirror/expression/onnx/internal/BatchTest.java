package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several faces of a real group photo read in one call give the same readings, in the same order,
 * as reading them one by one; a shipped model whose graph leaves the batch size open reads them
 * in one inference.
 */
class BatchTest {
  private static final Path SHIPPED = Path.of("target/models-jar/models");
  private static final List<Box> FACES =
      List.of(new Box(770, 120, 180, 230), new Box(1410, 390, 140, 280), new Box(300, 200, 160, 160));
  private static Frame sample5;
  private final ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, m -> {});

  @BeforeAll
  static void load() throws Exception {
    nu.pattern.OpenCV.loadLocally();
    sample5 = Photos.frame("sample5.jpg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"minixception-fer2013.json", "faceapi-expression.json", "faceapi-ferplus.json"})
  void facesReadTogetherReadAsEachAlone(String description) throws Exception {
    try (OnnxExpressionModel model = loader.load(SHIPPED.resolve(description))) {
      List<Distribution> together = model.classify(sample5, FACES);
      assertEquals(FACES.size(), together.size());
      for (int i = 0; i < FACES.size(); i++) {
        Distribution alone = model.classify(sample5, FACES.get(i));
        assertEquals(alone.labels(), together.get(i).labels());
        for (String label : alone.labels()) {
          assertEquals(alone.get(label), together.get(i).get(label), 1e-5, description + " face " + i + " " + label);
        }
      }
      // the readings differ from face to face: a batch that read one face thrice would not pass
      assertTrue(!together.get(0).equals(together.get(1)));
      System.out.println(description + ": batch size open = " + model.batchable());
    }
  }

  /**
   * faceapi-ferplus averages each face with its mirror image inside its graph (a batch of two,
   * reduced to one): its input says batch 1, so faces go one per call, never several into the
   * pass (which would average different faces together).
   */
  @org.junit.jupiter.api.Test
  void theMirrorModelTakesOneFacePerCall() throws Exception {
    try (OnnxExpressionModel model = loader.load(SHIPPED.resolve("faceapi-ferplus.json"))) {
      org.junit.jupiter.api.Assertions.assertFalse(model.batchable());
    }
  }
}
