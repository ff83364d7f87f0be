package org.expressionmirror.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * faceapi-expression in the artifact, run by ONNX Runtime, reproduces the original face-api
 * library's probabilities on real face crops (models/golden/make-golden-faceapi.mjs) within the
 * golden tolerance, and its description states the library's contract.
 */
class FaceApiExpressionGoldenTest {
  private static final String ID = "faceapi-expression";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode description;
  private static JsonNode golden;
  private static OrtSession session;

  @BeforeAll
  static void load() throws IOException, OrtException {
    description = json("models/" + ID + ".json");
    golden = json("models/" + description.get("golden").asText());
    session = OrtEnvironment.getEnvironment()
        .createSession(bytes("models/" + description.get("file").asText()));
  }

  @AfterAll
  static void close() throws OrtException {
    if (session != null) {
      session.close();
    }
  }

  static Stream<Arguments> vectors() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : json("models/" + ID + ".golden.json").get("vectors")) {
      out.add(Arguments.of(v.get("name").asText(), v));
    }
    return out.stream();
  }

  @Test
  void descriptionMatchesTheModelAndTheLibraryContract() throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    assertEquals(List.of("input"), List.copyOf(inputs.keySet()));
    assertArrayEquals(new long[] {1, 112, 112, 3},
        ((TensorInfo) inputs.get("input").getInfo()).getShape());
    assertArrayEquals(JSON.convertValue(description.at("/input/shape"), long[].class),
        ((TensorInfo) inputs.get("input").getInfo()).getShape());
    TensorInfo out = (TensorInfo) session.getOutputInfo().get("probabilities").getInfo();
    assertArrayEquals(new long[] {1, 7}, out.getShape());
    // FaceFeatureExtractor: (rgb - [122.782, 117.001, 104.298]) / 255, square crop, NHWC
    assertEquals("rgb", description.at("/input/colour").asText());
    assertEquals(1.0, description.at("/input/scale").asDouble());
    assertArrayEquals(new double[] {122.782, 117.001, 104.298},
        JSON.convertValue(description.at("/input/mean"), double[].class));
    assertArrayEquals(new double[] {255, 255, 255},
        JSON.convertValue(description.at("/input/std"), double[].class));
    assertTrue(description.at("/input/crop/square").asBoolean());
    // NetInput.toBatchTensor: tf.image.resizeBilinear(alignCorners false, halfPixelCenters false)
    assertEquals("bilinear-tf", description.at("/input/resize").asText());
    assertEquals("probabilities", description.at("/output/kind").asText());
    assertEquals(List.of("neutral", "happiness", "sadness", "anger", "fear", "disgust",
        "surprise"), JSON.convertValue(description.at("/output/canonical"), List.class));
    assertEquals(JSON.convertValue(golden.get("labels"), List.class),
        JSON.convertValue(description.at("/output/labels"), List.class));
    assertTrue(golden.get("vectors").size() >= 4, "at least four real faces");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesTheOriginalLibrary(String name, JsonNode vector) throws OrtException {
    long[] shape = JSON.convertValue(vector.get("inputShape"), long[].class);
    FloatBuffer input = ByteBuffer.wrap(Base64.getDecoder().decode(vector.get("input").asText()))
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] actual;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      actual = ((float[][]) result.get("probabilities").get().getValue())[0];
    }
    JsonNode expected = vector.get("expected");
    assertEquals(expected.size(), actual.length, name);
    double maxDiff = 0;
    for (int i = 0; i < actual.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected.get(i).asDouble()));
    }
    System.out.printf("golden %s %s: max abs diff %.3e%n", ID, name, maxDiff);
    double tolerance = golden.get("tolerance").asDouble();
    assertEquals(1e-4, tolerance);
    assertTrue(maxDiff <= tolerance, name + ": max abs diff " + maxDiff + " > " + tolerance);
  }

  private static JsonNode json(String resource) throws IOException {
    return JSON.readTree(bytes(resource));
  }

  private static byte[] bytes(String resource) throws IOException {
    try (InputStream in =
        FaceApiExpressionGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "missing class path resource " + resource);
      return in.readAllBytes();
    }
  }
}
