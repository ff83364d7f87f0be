package org.expressionmirror.record.jsonl.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;

/** Writes a frame result as one JSON object: numbers and component ids, no pixels. */
final class JsonLines {
  private static final double PRECISION = 1e6;

  private JsonLines() {}

  static void write(JsonGenerator g, FrameResult r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("frame", r.frame());
    if (!r.image().isEmpty()) { // frames of a folder source: which file each line is about
      g.writeStringField("image", r.image());
    }
    g.writeNumberField("t_ms", round(r.timeMs()));
    g.writeStringField("detector", r.detector());
    g.writeStringField("model", r.model());
    g.writeStringField("smoother", r.smoother());
    // a frame the detector skipped (the whole frame before had nobody): its empty faces are not a
    // finding; the other frames' faces each say which pass found them
    if (r.pass().equals(FrameResult.NO_PASS)) {
      g.writeStringField("pass", r.pass());
    }
    g.writeArrayFieldStart("faces");
    for (FaceResult f : r.faces()) {
      face(g, f);
    }
    g.writeEndArray();
    if (r.compare() != null) {
      compare(g, r.compare(), r.faces());
    }
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /**
   * Compare mode's B reading: {@code "compare":{"detector":..,"model":..,"faces":[..],
   * "agree":N,"of":M}}, where M faces were found and read by both and N of them got the same top
   * label from both.
   */
  private static void compare(JsonGenerator g, Comparison c, List<FaceResult> a) throws IOException {
    g.writeObjectFieldStart("compare");
    g.writeStringField("detector", c.detector());
    g.writeStringField("model", c.model());
    g.writeArrayFieldStart("faces");
    for (FaceResult f : c.faces()) {
      face(g, f);
    }
    g.writeEndArray();
    g.writeNumberField("agree", c.agreeing(a));
    g.writeNumberField("of", c.pairs(a).size());
    g.writeEndObject();
  }

  /**
   * The record's last line: {@code {"end":"complete","frames":N}}, or with a {@code reason} for
   * an {@code "interrupted"} or {@code "error"} end. It has no {@code frame} key, so a reader
   * tells it from the frame lines by that.
   */
  static void end(JsonGenerator g, String end, String reason, long frames) throws IOException {
    g.writeStartObject();
    g.writeStringField("end", end);
    if (reason != null) {
      g.writeStringField("reason", reason);
    }
    g.writeNumberField("frames", frames);
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private static void face(JsonGenerator g, FaceResult f) throws IOException {
    g.writeStartObject();
    g.writeNumberField("track", f.track());
    Box b = f.box();
    g.writeArrayFieldStart("box");
    g.writeNumber(b.x());
    g.writeNumber(b.y());
    g.writeNumber(b.width());
    g.writeNumber(b.height());
    g.writeEndArray();
    if (!f.foundBy().isEmpty()) { // faces of a chain detector: which link found this one
      g.writeStringField("foundBy", f.foundBy());
    }
    if (!f.pass().isEmpty()) { // a whole-frame pass, or one only around the faces of the frame before
      g.writeStringField("pass", f.pass());
    }
    distribution(g, "scores", f.scores());
    distribution(g, "smoothed", f.smoothed());
    // what the window shows beside the three strongest: the smoothed labels at the threshold or above
    g.writeNumberField("labelThreshold", f.labelThreshold());
    labels(g, "labelsAbove", f.labelsAbove());
    g.writeEndObject();
  }

  private static void distribution(JsonGenerator g, String name, Distribution d)
      throws IOException {
    labels(g, name, d == null ? null : d.probabilities());
  }

  private static void labels(JsonGenerator g, String name, Map<String, Double> labels)
      throws IOException {
    if (labels == null) {
      g.writeNullField(name);
      return;
    }
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Double> e : labels.entrySet()) {
      g.writeNumberField(e.getKey(), round(e.getValue()));
    }
    g.writeEndObject();
  }

  private static double round(double v) {
    return Math.round(v * PRECISION) / PRECISION;
  }
}
