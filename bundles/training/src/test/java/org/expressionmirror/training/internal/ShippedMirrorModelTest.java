package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped faceapi-ferplus (built by models/converter from its head file, with the mirror pass)
 * against the trainer's own export of the same head ({@link MirrorPass#graph} on
 * faceapi-expression): two builders of the mirror pass, one result. Its golden file is checked
 * against {@link MirrorGolden}'s computation (two plain runs, the head in float64).
 */
class ShippedMirrorModelTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final Path SHIPPED = GeneratedFaces.FACE_API.resolveSibling("faceapi-ferplus.onnx");
  private static final Path GOLDEN = GeneratedFaces.FACE_API.resolveSibling("faceapi-ferplus.golden.json");

  @BeforeAll
  static void openCv() {
    nu.pattern.OpenCV.loadLocally();
  }

  @Test
  void theConvertersMirrorPassIsTheTrainersExport() throws Exception {
    byte[] shipped = Files.readAllBytes(SHIPPED);
    assertTrue(MirrorPass.in(shipped), "faceapi-ferplus has no mirror pass");
    ModelProto model = ModelProto.parseFrom(shipped);
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      float[] w = floats(model, "fc/weights");
      float[] b = floats(model, "fc/bias");
      byte[] trainers = MirrorPass.graph(backbone.head().withHead(w, b), backbone.spec().inputName(),
          backbone.spec().outputName(), backbone.spec().nchw());
      List<ModelExport.Crop> crops = new ArrayList<>();
      for (float[] in : MirrorGolden.inputs(new ObjectMapper().readTree(GOLDEN.toFile()))) {
        crops.add(new ModelExport.Crop("golden", new Box(0, 0, 112, 112), in, null));
      }
      List<float[]> p = ModelExport.run(ENV, shipped, backbone, crops);
      List<float[]> q = ModelExport.run(ENV, trainers, backbone, crops);
      assertEquals(7, crops.size());
      for (int i = 0; i < crops.size(); i++) {
        assertEquals(b.length, p.get(i).length);
        for (int k = 0; k < b.length; k++) {
          assertEquals(q.get(i)[k], p.get(i)[k], 1e-6, "crop " + i + " class " + k);
        }
      }
    }
  }

  @Test
  void theGoldenVectorsAreTheHeadAveragedOverTheCropAndItsMirrorImage() throws Exception {
    JsonNode golden = new ObjectMapper().readTree(GOLDEN.toFile());
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(SHIPPED));
    float[] w = floats(model, "fc/weights");
    float[] b = floats(model, "fc/bias");
    int k = b.length;
    // the head as a head file would say it: [256][K] and [K]
    com.fasterxml.jackson.databind.node.ObjectNode head = new ObjectMapper().createObjectNode();
    var rows = head.putArray("weights");
    for (int f = 0; f < w.length / k; f++) {
      var row = rows.addArray();
      for (int c = 0; c < k; c++) {
        row.add(w[f * k + c]);
      }
    }
    var bias = head.putArray("bias");
    for (float v : b) {
      bias.add(v);
    }
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      for (JsonNode v : golden.get("vectors")) {
        double[] expected = MirrorGolden.expected(backbone, head, MirrorGolden.floats(v.get("input").asText()));
        for (int c = 0; c < k; c++) {
          assertEquals(expected[c], v.get("expected").get(c).asDouble(), 1e-6, v.get("name") + " class " + c);
        }
      }
    }
  }

  private static float[] floats(ModelProto model, String name) {
    TensorProto t = model.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(name)).findFirst().orElseThrow();
    java.nio.FloatBuffer f = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] v = new float[f.remaining()];
    f.get(v);
    return v;
  }
}
