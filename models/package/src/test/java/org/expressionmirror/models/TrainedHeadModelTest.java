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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.expressionmirror.models.converter.faceapi.ExtractHead;
import org.expressionmirror.models.converter.faceapi.FaceApiHead;
import org.expressionmirror.models.supply.PinnedFiles;
import org.junit.jupiter.api.Test;

/**
 * faceapi-ferplus is face-api's network with nothing changed but its last layer and the mirror
 * pass its head file asks for: every other node and weight is faceapi-expression's, the last layer
 * is the pinned head file exactly, and the pass is a Slice and Concat before the network and a
 * ReduceMean after it.
 */
class TrainedHeadModelTest {
  private static final String ID = "faceapi-ferplus";
  private static final Path HEAD = Path.of("../heads/faceapi-ferplus.head.json");
  private static final Set<String> HEAD_TENSORS = Set.of("fc/weights", "fc/bias");
  private static final List<String> MIRROR_OPS = List.of("Slice", "Concat", "ReduceMean");

  @Test
  void theBackboneIsFaceApisUnchanged() throws IOException {
    ModelProto original = model("faceapi-expression");
    ModelProto trained = model(ID);
    List<String> ops = ops(trained);
    assertEquals(MIRROR_OPS, List.of(ops.get(0), ops.get(1), ops.get(ops.size() - 1)));
    assertEquals(ops(original), ops.subList(2, ops.size() - 1));
    Map<String, TensorProto> mine = byName(trained);
    for (TensorProto t : original.getGraph().getInitializerList()) {
      if (!HEAD_TENSORS.contains(t.getName())) {
        assertNotNull(mine.get(t.getName()), t.getName());
        assertEquals(t.getRawData(), mine.get(t.getName()).getRawData(), t.getName());
      }
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
