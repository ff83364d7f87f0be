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
 * The converted model in the artifact, run by ONNX Runtime, reproduces what the original TFJS
 * model computed on real face crops (models/golden/make-golden.mjs) within the golden tolerance.
 */
class GoldenOnnxTest {
  private static final String ID = "minixception-fer2013";
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
  void theDescriptionMatchesTheModelInterface() throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    String input = description.at("/input/name").asText();
    assertEquals(List.of(input), List.copyOf(inputs.keySet()));
    long[] declared = JSON.convertValue(description.at("/input/shape"), long[].class);
    assertArrayEquals(declared, ((TensorInfo) inputs.get(input).getInfo()).getShape());
    String output = description.at("/output/name").asText();
    TensorInfo out = (TensorInfo) session.getOutputInfo().get(output).getInfo();
    assertArrayEquals(new long[] {1, description.at("/output/labels").size()}, out.getShape());
    assertTrue(golden.get("vectors").size() >= 4, "at least four real faces");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesTheOriginalModel(String name, JsonNode vector) throws OrtException {
    long[] shape = JSON.convertValue(vector.get("inputShape"), long[].class);
    FloatBuffer input = ByteBuffer.wrap(Base64.getDecoder().decode(vector.get("input").asText()))
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] actual;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result result =
            session.run(Map.of(description.at("/input/name").asText(), tensor))) {
      actual = ((float[][]) result.get(0).getValue())[0];
    }
    JsonNode expected = vector.get("expected");
    assertEquals(expected.size(), actual.length, name);
    double maxDiff = 0;
    int argmaxExpected = 0;
    int argmaxActual = 0;
    for (int i = 0; i < actual.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected.get(i).asDouble()));
      argmaxExpected = expected.get(i).asDouble() > expected.get(argmaxExpected).asDouble()
          ? i : argmaxExpected;
      argmaxActual = actual[i] > actual[argmaxActual] ? i : argmaxActual;
    }
    System.out.printf("golden %s: max abs diff %.3e%n", name, maxDiff);
    double tolerance = golden.get("tolerance").asDouble();
    assertTrue(maxDiff <= tolerance, name + ": max abs diff " + maxDiff + " > " + tolerance);
    assertEquals(argmaxExpected, argmaxActual, name + ": top label");
  }

  private static JsonNode json(String resource) throws IOException {
    return JSON.readTree(bytes(resource));
  }

  private static byte[] bytes(String resource) throws IOException {
    try (InputStream in = GoldenOnnxTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "missing class path resource " + resource);
      return in.readAllBytes();
    }
  }
}
