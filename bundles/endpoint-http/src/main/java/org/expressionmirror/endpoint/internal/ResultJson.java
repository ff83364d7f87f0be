package org.expressionmirror.endpoint.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;

/** The endpoint's answers as JSON: numbers and component ids only, never pixels. */
final class ResultJson {
  private static final JsonFactory JSON = new JsonFactory();
  private static final double PRECISION = 1e4;

  private ResultJson() {}

  /**
   * {@code {"detector":..,"model":..,"width":..,"height":..,"faces":[{"box":[x,y,w,h],
   * "expressions":{label:p,...},"top":label}]}}.
   */
  static byte[] result(FrameResult r, int width, int height) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("detector", r.detector());
          g.writeStringField("model", r.model());
          g.writeNumberField("width", width);
          g.writeNumberField("height", height);
          g.writeArrayFieldStart("faces");
          for (FaceResult f : r.faces()) {
            face(g, f);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** {@code {"error":message}}. */
  static byte[] error(String message) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringField("error", message);
          g.writeEndObject();
        });
  }

  private static void face(JsonGenerator g, FaceResult f) throws IOException {
    g.writeStartObject();
    Box b = f.box();
    g.writeArrayFieldStart("box");
    g.writeNumber(b.x());
    g.writeNumber(b.y());
    g.writeNumber(b.width());
    g.writeNumber(b.height());
    g.writeEndArray();
    Distribution d = f.scores();
    g.writeObjectFieldStart("expressions");
    for (Map.Entry<String, Double> e : d.probabilities().entrySet()) {
      g.writeNumberField(e.getKey(), Math.round(e.getValue() * PRECISION) / PRECISION);
    }
    g.writeEndObject();
    g.writeStringField("top", d.top(1).get(0).getKey());
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return out.toByteArray();
  }
}
