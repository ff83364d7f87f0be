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
 * The shipped faceapi-ferplus (built by models/converter from its head file, with the mirror pass
 * and the blend with face-api's own head) against the trainer's own export of the same head and
 * weight ({@link OnnxHead#withBlend} and {@link MirrorPass#graph} on faceapi-expression, the mapping
 * by canonical label as {@link Blend} makes it): two builders, one result. Its golden file is
 * checked against {@link MirrorGolden}'s computation (plain runs, the head in float64).
 */
class ShippedMirrorModelTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final Path SHIPPED = GeneratedFaces.FACE_API.resolveSibling("faceapi-ferplus.onnx");
  private static final Path GOLDEN = GeneratedFaces.FACE_API.resolveSibling("faceapi-ferplus.golden.json");

  @BeforeAll
  static void openCv() {
    nu.pattern.OpenCV.loadLocally();
  }

  private static final Path DESCRIPTION = GeneratedFaces.FACE_API.resolveSibling("faceapi-ferplus.json");

  @Test
  void theConvertersMirrorPassAndBlendAreTheTrainersExport() throws Exception {
    byte[] shipped = Files.readAllBytes(SHIPPED);
    assertTrue(MirrorPass.in(shipped), "faceapi-ferplus has no mirror pass");
    ModelProto model = ModelProto.parseFrom(shipped);
    List<String> labels = new ArrayList<>();
    new ObjectMapper().readTree(DESCRIPTION.toFile()).at("/output/canonical").forEach(l -> labels.add(l.asText()));
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      float[] w = floats(model, Blend.HEAD_WEIGHTS);
      float[] b = floats(model, Blend.HEAD_BIAS);
      double weight = Double.parseDouble(Float.toString(floats(model, Blend.WEIGHT)[0]));
      Blend blend = Blend.of(backbone, labels, weight, "shipped");
      assertTrue(weight < 1, "faceapi-ferplus is not blended");
      // the converter's mapping (from the head file) is the trainer's, by canonical label
      org.junit.jupiter.api.Assertions.assertArrayEquals(blend.mapping(), floats(model, Blend.MAPPING));
      byte[] trainers = MirrorPass.graph(
          backbone.head().withBlend(w, b, blend.mapping(), blend.headWeight(), blend.backboneWeight()),
          backbone.spec().inputName(), backbone.spec().outputName(), backbone.spec().nchw());
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
  void theGoldenVectorsAreTheBlendedHeadAveragedOverTheCropAndItsMirrorImage() throws Exception {
    JsonNode golden = new ObjectMapper().readTree(GOLDEN.toFile());
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(SHIPPED));
    float[] w = floats(model, Blend.HEAD_WEIGHTS);
    float[] b = floats(model, Blend.HEAD_BIAS);
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
    head.put("blend", Double.parseDouble(Float.toString(floats(model, Blend.WEIGHT)[0])));
    float[] mapping = floats(model, Blend.MAPPING);
    var mappingRows = head.putArray("blendMapping");
    for (int r = 0; r < mapping.length / k; r++) {
      var row = mappingRows.addArray();
      for (int c = 0; c < k; c++) {
        row.add(mapping[r * k + c]);
      }
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
