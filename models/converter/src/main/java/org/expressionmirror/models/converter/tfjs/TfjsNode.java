package org.expressionmirror.models.converter.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TFJS graph model ({@code modelTopology.node[]}): TF GraphDef JSON where string
 * attributes are base64 and integers are decimal strings.
 */
public record TfjsNode(String name, String op, List<String> inputs, JsonNode attr) {

  static TfjsNode of(JsonNode node) {
    List<String> inputs = new ArrayList<>();
    if (node.has("input")) {
      for (JsonNode in : node.get("input")) {
        String s = in.asText();
        if (!s.startsWith("^")) { // control dependencies carry no data
          inputs.add(s);
        }
      }
    }
    return new TfjsNode(
        node.get("name").asText(), node.get("op").asText(), List.copyOf(inputs), node.get("attr"));
  }

  /** The producing node's name of input {@code i} ("name:0" and "name" are the same tensor). */
  public String inputNode(int i) {
    if (i >= inputs.size()) {
      throw new IllegalArgumentException(
          "node " + name + " (" + op + ") has " + inputs.size() + " inputs, needs " + (i + 1));
    }
    String in = inputs.get(i);
    int colon = in.lastIndexOf(':');
    if (colon > 0) {
      if (!in.substring(colon + 1).equals("0")) {
        throw new IllegalArgumentException(
            "node " + name + " (" + op + ") reads output " + in + ": only first outputs are supported");
      }
      return in.substring(0, colon);
    }
    return in;
  }

  private JsonNode attribute(String key) {
    return attr == null ? null : attr.get(key);
  }

  public boolean has(String key) {
    return attribute(key) != null;
  }

  /** A string attribute (base64 in the JSON), or {@code fallback} when absent. */
  public String string(String key, String fallback) {
    JsonNode a = attribute(key);
    return a == null || !a.has("s") ? fallback : decode(a.get("s").asText());
  }

  /** A list-of-strings attribute, empty when absent. */
  public List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    JsonNode a = attribute(key);
    if (a != null && a.has("list") && a.get("list").has("s")) {
      for (JsonNode s : a.get("list").get("s")) {
        out.add(decode(s.asText()));
      }
    }
    return out;
  }

  /** A list-of-ints attribute, {@code fallback} when absent. */
  public long[] ints(String key, long[] fallback) {
    JsonNode a = attribute(key);
    if (a == null || !a.has("list") || !a.get("list").has("i")) {
      return fallback;
    }
    JsonNode list = a.get("list").get("i");
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).asLong();
    }
    return out;
  }

  public boolean bool(String key, boolean fallback) {
    JsonNode a = attribute(key);
    return a == null || !a.has("b") ? fallback : a.get("b").asBoolean();
  }

  public float floatValue(String key, float fallback) {
    JsonNode a = attribute(key);
    return a == null || !a.has("f") ? fallback : (float) a.get("f").asDouble();
  }

  /** Dimensions of a {@code shape} attribute (Placeholder), -1 for unknown. */
  public long[] shape(String key) {
    JsonNode a = attribute(key);
    if (a == null || !a.has("shape") || !a.get("shape").has("dim")) {
      throw new IllegalArgumentException("node " + name + " (" + op + ") has no " + key);
    }
    JsonNode dims = a.get("shape").get("dim");
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims.get(i).has("size") ? dims.get(i).get("size").asLong() : 1;
    }
    return out;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
