package org.expressionmirror.models.converter.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.expressionmirror.models.converter.tfjs.WeightTensor;
import org.expressionmirror.models.supply.PinMismatchException;
import org.expressionmirror.models.supply.PinnedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained head replaces face-api's fc and nothing else: the head file is read exactly, pinned,
 * and its columns come out as the model's outputs in the head's label order.
 */
class TrainedHeadBuildTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SEVEN =
      List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");

  @TempDir Path dir;

  private static float[] run(ModelProto model) throws OrtException {
    return run(model, input());
  }

  private static float[] input() {
    float[] input = new float[112 * 112 * 3];
    Random r = new Random(3);
    for (int i = 0; i < input.length; i++) {
      input[i] = r.nextFloat() - 0.5f;
    }
    return input;
  }

  /** The NHWC input's left-right mirror image. */
  private static float[] mirrored(float[] in) {
    float[] out = new float[in.length];
    for (int y = 0; y < 112; y++) {
      for (int x = 0; x < 112; x++) {
        System.arraycopy(in, (y * 112 + x) * 3, out, (y * 112 + 111 - x) * 3, 3);
      }
    }
    return out;
  }

  private static float[] run(ModelProto model, float[] input) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession s = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
        OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
            new long[] {1, 112, 112, 3});
        OrtSession.Result res = s.run(Map.of(FaceExpressionNetOnnx.INPUT, t))) {
      return ((float[][]) res.get(FaceExpressionNetOnnx.OUTPUT).get().getValue())[0];
    }
  }

  /** face-api's own fc as a head file's content (weights [256, 7], bias [7]). */
  private static FaceApiHead ownFc(Map<String, WeightTensor> w) {
    return new FaceApiHead(SEVEN, w.get("fc/weights").requireFloats(),
        w.get("fc/bias").requireFloats());
  }

  @Test
  void faceApisOwnFcAsHeadGivesTheOriginalModelExactly() throws OrtException {
    Map<String, WeightTensor> w = FaceExpressionNetOnnxTest.syntheticWeights();
    float[] original = run(FaceExpressionNetOnnx.build(w, "t", "original"));
    float[] withHead = run(FaceExpressionNetOnnx.build(w, ownFc(w), "t", "head"));
    assertArrayEquals(original, withHead);
  }

  @Test
  void eightClassHeadPutsEachColumnAtItsLabel() throws OrtException {
    // columns 0..6 = face-api's fc reversed, column 7 = a copy of fc column 0 with bias + ln 2:
    // so p[6 - j] ~ original[j] up to the shared normaliser, and p[7] = 2 p[6]
    Map<String, WeightTensor> w = FaceExpressionNetOnnxTest.syntheticWeights();
    FaceApiHead fc = ownFc(w);
    float[] weights = new float[256 * 8];
    float[] bias = new float[8];
    for (int f = 0; f < 256; f++) {
      for (int c = 0; c < 7; c++) {
        weights[f * 8 + 6 - c] = fc.weights()[f * 7 + c];
      }
      weights[f * 8 + 7] = fc.weights()[f * 7];
    }
    for (int c = 0; c < 7; c++) {
      bias[6 - c] = fc.bias()[c];
    }
    bias[7] = fc.bias()[0] + (float) Math.log(2);
    List<String> labels = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    float[] original = run(FaceExpressionNetOnnx.build(w, "t", "original"));
    float[] p = run(FaceExpressionNetOnnx.build(w, new FaceApiHead(labels, weights, bias), "t",
        "head"));
    assertEquals(8, p.length);
    assertEquals(2 * p[6], p[7], 1e-5);
    double normaliser = 1 + 2 * original[0]; // the copy adds twice the share of class 0
    for (int c = 0; c < 7; c++) {
      assertEquals(original[c] / normaliser, p[6 - c], 1e-5, "label " + c);
    }
  }

  @Test
  void aMirrorHeadAveragesTheFaceAndItsMirrorImageAndExtractsAsMirror() throws IOException, OrtException {
    Map<String, WeightTensor> w = FaceExpressionNetOnnxTest.syntheticWeights();
    FaceApiHead fc = ownFc(w);
    FaceApiHead mirror = new FaceApiHead(SEVEN, fc.weights(), fc.bias(), true);
    ModelProto plainModel = FaceExpressionNetOnnx.build(w, fc, "t", "plain");
    ModelProto mirrorModel = FaceExpressionNetOnnx.build(w, mirror, "t", "mirror");
    float[] in = input();
    float[] p = run(plainModel, in);
    float[] q = run(plainModel, mirrored(in));
    float[] r = run(mirrorModel, in);
    for (int k = 0; k < 7; k++) {
      assertEquals((p[k] + q[k]) / 2, r[k], 1e-6, "class " + k);
    }
    // synthetic weights barely tell a picture from its mirror image (the real ones do:
    // bundles/training MirrorPassTest), so the flip itself is checked by its node: the width axis
    // of NHWC, backwards from the last column
    ai.onnx.proto.OnnxMl.NodeProto slice = mirrorModel.getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("Slice")).findFirst().orElseThrow();
    assertEquals(List.of(FaceExpressionNetOnnx.INPUT, "mirror/starts", "mirror/ends", "mirror/axes",
        "mirror/steps"), slice.getInputList());
    Map<String, Long> ints = new java.util.HashMap<>();
    for (var t : mirrorModel.getGraph().getInitializerList()) {
      if (t.getName().startsWith("mirror/")) {
        ints.put(t.getName(), t.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
      }
    }
    assertEquals(Map.of("mirror/starts", -1L, "mirror/ends", Long.MIN_VALUE, "mirror/axes", 2L,
        "mirror/steps", -1L), ints);
    assertEquals(List.of(1L, 7L), mirrorModel.getGraph().getOutput(0).getType().getTensorType()
        .getShape().getDimList().stream().map(d -> d.getDimValue()).toList());
    FaceApiHead back = ExtractHead.head(mirrorModel, SEVEN);
    assertTrue(back.mirror());
    assertArrayEquals(fc.weights(), back.weights());
    assertEquals(false, ExtractHead.head(plainModel, SEVEN).mirror());
    // and through the head file
    ObjectNode json = ExtractHead.toJson(back);
    assertTrue(FaceApiHead.parse(json, Path.of("h.json")).mirror());
    json.put("mirror", "yes");
    IOException e = assertThrows(IOException.class, () -> FaceApiHead.parse(json, Path.of("h.json")));
    assertTrue(e.getMessage().contains("h.json: 'mirror' must be true or false"), e.getMessage());
  }

  @Test
  void aBlendedHeadIsWTimesTheHeadPlusTheRestTimesFaceApiMappedAndExtractsAsBlended()
      throws IOException, OrtException {
    Map<String, WeightTensor> w = FaceExpressionNetOnnxTest.syntheticWeights();
    Random r = new Random(7);
    float[] weights = new float[256 * 3];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) r.nextGaussian() * 0.1f;
    }
    float[] bias = {0.2f, -0.1f, 0.3f};
    List<String> labels = List.of("contempt", "happiness", "neutral");
    // face-api's neutral -> neutral, happy -> happiness, the other five -> nothing
    float[] mapping = new float[7 * 3];
    mapping[0 * 3 + 2] = 1;
    mapping[1 * 3 + 1] = 1;
    FaceApiHead alone = new FaceApiHead(labels, weights, bias);
    float[] in = input();
    float[] h = run(FaceExpressionNetOnnx.build(w, alone, "t", "alone"), in);
    float[] own = run(FaceExpressionNetOnnx.build(w, "t", "original"), in);
    for (boolean mirror : List.of(false, true)) {
      FaceApiHead blended = new FaceApiHead(labels, weights, bias, mirror, 0.95, mapping);
      ModelProto model = FaceExpressionNetOnnx.build(w, blended, "t", "blend");
      float[] p = run(model, in);
      float[] expected = {0.95f * h[0], 0.95f * h[1] + 0.05f * own[1], 0.95f * h[2] + 0.05f * own[0]};
      if (mirror) {
        float[] hm = run(FaceExpressionNetOnnx.build(w, alone, "t", "alone"), mirrored(in));
        float[] om = run(FaceExpressionNetOnnx.build(w, "t", "original"), mirrored(in));
        float[] m = {0.95f * hm[0], 0.95f * hm[1] + 0.05f * om[1], 0.95f * hm[2] + 0.05f * om[0]};
        for (int k = 0; k < 3; k++) {
          expected[k] = (expected[k] + m[k]) / 2;
        }
      }
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[k], p[k], 1e-6, "mirror " + mirror + " class " + k);
      }
      assertTrue(Math.abs(p[1] - h[1]) > 1e-4, "the blend changes nothing: " + p[1]);
      // out again as a head file and back: the same head, weight and mapping
      FaceApiHead back = FaceApiHead.parse(ExtractHead.toJson(ExtractHead.head(model, labels)),
          Path.of("h.json"));
      assertEquals(mirror, back.mirror());
      assertEquals(0.95, back.blend());
      assertArrayEquals(mapping, back.blendMapping());
      assertArrayEquals(weights, back.weights());
      assertArrayEquals(bias, back.bias());
    }
    ObjectNode json = ExtractHead.toJson(new FaceApiHead(labels, weights, bias, false, 0.9, mapping));
    json.put("blend", 1.5);
    assertTrue(assertThrows(IOException.class, () -> FaceApiHead.parse(json, Path.of("h.json")))
        .getMessage().contains("h.json: 'blend' must be a number in (0, 1], is 1.5"));
    json.put("blend", 0.9);
    ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("blendMapping").get(0)).set(0, 2);
    assertTrue(assertThrows(IOException.class, () -> FaceApiHead.parse(json, Path.of("h.json")))
        .getMessage().contains("h.json: blendMapping[0][0] is 2.0, must be 0 or 1"));
    json.remove("blendMapping");
    assertTrue(assertThrows(IOException.class, () -> FaceApiHead.parse(json, Path.of("h.json")))
        .getMessage().contains("'blendMapping' needs 7 rows"));
  }

  @Test
  void headFileRoundTripsExactlyAndIsPinned() throws IOException {
    Random r = new Random(11);
    float[] weights = new float[256 * 8];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) r.nextGaussian();
    }
    float[] bias = {0.1f, -0.2f, 0.3f, 1e-7f, -4f, 5f, 6f, 7.123456f};
    FaceApiHead head = new FaceApiHead(List.of("neutral", "happiness", "surprise", "sadness",
        "anger", "disgust", "fear", "contempt"), weights, bias);
    Path file = dir.resolve("h.head.json");
    Files.writeString(file, JSON.writeValueAsString(ExtractHead.toJson(head)));
    FaceApiHead back = FaceApiHead.read(file, PinnedFiles.sha256(file));
    assertEquals(head.labels(), back.labels());
    assertArrayEquals(head.weights(), back.weights());
    assertArrayEquals(head.bias(), back.bias());
    PinMismatchException e = assertThrows(PinMismatchException.class,
        () -> FaceApiHead.read(file, "0".repeat(64)));
    assertTrue(e.getMessage().contains("sha256 mismatch for " + file), e.getMessage());
  }

  @Test
  void headFileWithAMissingRowOrAWordIsNamed() throws IOException {
    ObjectNode head = ExtractHead.toJson(new FaceApiHead(List.of("a", "b"), new float[512],
        new float[2]));
    ((com.fasterxml.jackson.databind.node.ArrayNode) head.get("weights")).remove(255);
    IOException rows = assertThrows(IOException.class,
        () -> FaceApiHead.parse(head, Path.of("h.json")));
    assertTrue(rows.getMessage().contains("has 2 labels and 255 rows"), rows.getMessage());
    ObjectNode word = ExtractHead.toJson(new FaceApiHead(List.of("a", "b"), new float[512],
        new float[2]));
    ((com.fasterxml.jackson.databind.node.ArrayNode) word.get("bias")).set(1, "x");
    IOException e = assertThrows(IOException.class,
        () -> FaceApiHead.parse(word, Path.of("h.json")));
    assertTrue(e.getMessage().contains("h.json: bias[1] is not a number"), e.getMessage());
  }

  @Test
  void extractHeadReadsTheGemmThatFeedsTheSoftmax() throws IOException {
    Map<String, WeightTensor> w = FaceExpressionNetOnnxTest.syntheticWeights();
    Random r = new Random(5);
    float[] weights = new float[256 * 3];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = r.nextFloat();
    }
    FaceApiHead head = new FaceApiHead(List.of("x", "y", "z"), weights, new float[] {1, 2, 3});
    ModelProto model = FaceExpressionNetOnnx.build(w, head, "t", "head");
    FaceApiHead back = ExtractHead.head(model, head.labels());
    assertArrayEquals(head.weights(), back.weights());
    assertArrayEquals(head.bias(), back.bias());
  }

  @Test
  void descriptionLabelsMustBeTheHeads() throws IOException {
    Path head = dir.resolve("faceapi-ferplus.head.json");
    Files.writeString(head, JSON.writeValueAsString(ExtractHead.toJson(
        new FaceApiHead(List.of("neutral", "contempt"), new float[512], new float[2]))));
    ObjectNode description = (ObjectNode) JSON.readTree("""
        {"id": "faceapi-ferplus", "version": "1", "file": "faceapi-ferplus.onnx",
         "source": {"package": "@vladmandic/face-api", "version": "1.7.15", "files": {
           "faceapi-ferplus.head.json": "%s"}},
         "input": {"name": "input", "shape": [1, 112, 112, 3], "layout": "NHWC"},
         "output": {"name": "probabilities", "kind": "probabilities",
           "labels": ["contempt", "neutral"], "canonical": ["contempt", "neutral"]}}
        """.formatted(PinnedFiles.sha256(head)));
    Path descriptionFile = dir.resolve("faceapi-ferplus.json");
    IOException e = assertThrows(IOException.class, () -> FaceApiExpressionBuild.convert(
        dir, description, descriptionFile, head));
    assertTrue(e.getMessage().startsWith(descriptionFile + ": output.labels [contempt, neutral]"
        + " but the head " + head + " has [neutral, contempt]"), e.getMessage());
    ((ObjectNode) description.at("/source/files")).put("faceapi-ferplus.head.json",
        "1".repeat(64));
    assertThrows(PinMismatchException.class, () -> FaceApiExpressionBuild.convert(
        dir, description, descriptionFile, head));
  }
}
