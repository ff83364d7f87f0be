package org.expressionmirror.models.converter.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A TFJS graph model: its nodes and its weights, read from {@code model.json} and its shards. */
public record TfjsGraphModel(Path file, List<TfjsNode> nodes, Map<String, WeightTensor> weights) {

  /** Reads {@code model.json}; shard paths are relative to its folder. */
  public static TfjsGraphModel read(Path modelJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(modelJson.toFile());
    if (!"graph-model".equals(root.path("format").asText())) {
      throw new IOException(
          modelJson + ": format is '" + root.path("format").asText() + "', expected graph-model");
    }
    JsonNode nodes = root.path("modelTopology").path("node");
    if (!nodes.isArray() || nodes.isEmpty()) {
      throw new IOException(modelJson + ": no modelTopology.node");
    }
    List<TfjsNode> list = new ArrayList<>();
    for (JsonNode n : nodes) {
      list.add(TfjsNode.of(n));
    }
    Path dir = modelJson.toAbsolutePath().getParent();
    return new TfjsGraphModel(
        modelJson, List.copyOf(list), TfjsWeights.read(root.path("weightsManifest"), dir));
  }
}
