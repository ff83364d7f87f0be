package org.expressionmirror.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.expressionmirror.models.converter.faceapi.ExtractHead;
import org.expressionmirror.models.converter.faceapi.FaceApiHead;
import org.expressionmirror.models.supply.PinnedFiles;
import org.junit.jupiter.api.Test;

/**
 * faceapi-ferplus is face-api's network unchanged, its own last layer included, with the trained
 * head beside it and the mirror pass its head file asks for: every node and weight of
 * faceapi-expression is there as it was, the head (a Gemm and Softmax on the same features) is the
 * pinned head file exactly, blended with face-api's probabilities (Mul, MatMul by the mapping, Mul,
 * Add) at the head file's weight, and the pass is a Slice and Concat before the network and a
 * ReduceMean after it.
 */
class TrainedHeadModelTest {
  private static final String ID = "faceapi-ferplus";
  private static final Path HEAD = Path.of("../heads/faceapi-ferplus.head.json");
  private static final List<String> MIRROR_OPS = List.of("Slice", "Concat", "ReduceMean");
  private static final List<String> BLEND_OPS =
      List.of("Gemm", "Softmax", "Mul", "MatMul", "Mul", "Add");

  @Test
  void theBackboneIsFaceApisUnchanged() throws IOException {
    ModelProto original = model("faceapi-expression");
    ModelProto trained = model(ID);
    List<String> ops = ops(trained);
    assertEquals(MIRROR_OPS, List.of(ops.get(0), ops.get(1), ops.get(ops.size() - 1)));
    List<String> network = ops(original);
    assertEquals(network, ops.subList(2, 2 + network.size()));
    assertEquals(BLEND_OPS, ops.subList(2 + network.size(), ops.size() - 1));
    Map<String, TensorProto> mine = byName(trained);
    for (TensorProto t : original.getGraph().getInitializerList()) {
      assertNotNull(mine.get(t.getName()), t.getName());
      assertEquals(t.getRawData(), mine.get(t.getName()).getRawData(), t.getName());
    }
  }

  @Test
  void theLastLayerIsThePinnedHeadFile() throws IOException {
    JsonNode description = json("models/" + ID + ".json");
    String pin = description.at("/source/files").get(HEAD.getFileName().toString()).asText();
    FaceApiHead head = FaceApiHead.read(HEAD, pin);
    List<String> labels = new ObjectMapper().convertValue(description.at("/output/labels"),
        List.class);
    assertEquals(labels, head.labels());
    assertEquals(true, head.mirror());
    FaceApiHead built = ExtractHead.head(model(ID), labels);
    assertEquals(true, built.mirror());
    assertArrayEquals(head.weights(), built.weights());
    assertArrayEquals(head.bias(), built.bias());
    assertEquals(0.95, head.blend());
    assertEquals(head.blend(), built.blend());
    assertArrayEquals(head.blendMapping(), built.blendMapping());
    assertEquals(pin, PinnedFiles.sha256(HEAD));
  }

  private static List<String> ops(ModelProto model) {
    return model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
  }

  private static Map<String, TensorProto> byName(ModelProto model) {
    return model.getGraph().getInitializerList().stream()
        .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
  }

  private static ModelProto model(String id) throws IOException {
    try (InputStream in = resource("models/" + id + ".onnx")) {
      return ModelProto.parseFrom(in);
    }
  }

  private static JsonNode json(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = TrainedHeadModelTest.class.getClassLoader().getResourceAsStream(name);
    assertNotNull(in, "missing class path resource " + name);
    return in;
  }
}
