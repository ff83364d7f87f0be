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
import java.util.HashMap;
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
 * The expression models built into the artifact, run by ONNX Runtime, reproduce what their
 * originals computed on real face crops within the golden tolerance: minixception-fer2013 against
 * the TFJS model it was converted from (models/golden/make-golden.mjs), faceapi-expression against
 * the face-api library's probabilities (models/golden/make-golden-faceapi.mjs), faceapi-ferplus
 * against its trained head applied in float64 to faceapi-expression's features of each crop and of
 * its mirror image, averaged (bundles/training MirrorGolden: its mirror pass is not used to make
 * them). Each description matches its model's interface,
 * and faceapi-expression's states the library's contract.
 */
class GoldenOnnxTest {
  private static final String FACEAPI = "faceapi-expression";
  private static final List<String> IDS =
      List.of("minixception-fer2013", FACEAPI, "faceapi-ferplus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Model> MODELS = new HashMap<>();

  /** A model's description, its golden file and an open session on its ONNX file. */
  private record Model(JsonNode description, JsonNode golden, OrtSession session) {
    static Model load(String id) throws IOException, OrtException {
      JsonNode description = json("models/" + id + ".json");
      return new Model(
          description,
          json("models/" + description.get("golden").asText()),
          OrtEnvironment.getEnvironment()
              .createSession(bytes("models/" + description.get("file").asText())));
    }

    String inputName() {
      return description.at("/input/name").asText();
    }

    String outputName() {
      return description.at("/output/name").asText();
    }
  }

  @BeforeAll
  static void load() throws IOException, OrtException {
    for (String id : IDS) {
      MODELS.put(id, Model.load(id));
    }
  }

  @AfterAll
  static void close() throws OrtException {
    for (Model model : MODELS.values()) {
      model.session().close();
    }
  }

  static Stream<String> ids() {
    return IDS.stream();
  }

  static Stream<Arguments> vectors() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String id : IDS) {
      for (JsonNode v : json("models/" + id + ".golden.json").get("vectors")) {
        out.add(Arguments.of(id, v.get("name").asText(), v));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void theDescriptionMatchesTheModelInterface(String id) throws OrtException {
    Model model = MODELS.get(id);
    JsonNode description = model.description();
    Map<String, NodeInfo> inputs = model.session().getInputInfo();
    assertEquals(List.of(model.inputName()), List.copyOf(inputs.keySet()));
    long[] declared = JSON.convertValue(description.at("/input/shape"), long[].class);
    assertArrayEquals(declared, ((TensorInfo) inputs.get(model.inputName()).getInfo()).getShape());
    TensorInfo out = (TensorInfo) model.session().getOutputInfo().get(model.outputName()).getInfo();
    assertArrayEquals(new long[] {1, description.at("/output/labels").size()}, out.getShape());
    assertEquals(JSON.convertValue(model.golden().get("labels"), List.class),
        JSON.convertValue(description.at("/output/labels"), List.class));
    assertTrue(model.golden().get("vectors").size() >= 4, "at least four real faces");
  }

  @Test
  void faceApiDescriptionStatesTheLibraryContract() throws OrtException {
    Model model = MODELS.get(FACEAPI);
    JsonNode description = model.description();
    Map<String, NodeInfo> inputs = model.session().getInputInfo();
    assertEquals(List.of("input"), List.copyOf(inputs.keySet()));
    assertArrayEquals(new long[] {1, 112, 112, 3},
        ((TensorInfo) inputs.get("input").getInfo()).getShape());
    TensorInfo out = (TensorInfo) model.session().getOutputInfo().get("probabilities").getInfo();
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
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void reproducesTheOriginal(String id, String name, JsonNode vector) throws OrtException {
    Model model = MODELS.get(id);
    long[] shape = JSON.convertValue(vector.get("inputShape"), long[].class);
    FloatBuffer input = ByteBuffer.wrap(Base64.getDecoder().decode(vector.get("input").asText()))
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] actual;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result result = model.session().run(Map.of(model.inputName(), tensor))) {
      actual = ((float[][]) result.get(model.outputName()).get().getValue())[0];
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
    System.out.printf("golden %s %s: max abs diff %.3e%n", id, name, maxDiff);
    double tolerance = model.golden().get("tolerance").asDouble();
    assertEquals(1e-4, tolerance);
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
