package org.expressionmirror.shell.internal;

import java.util.Locale;
import java.util.Map;

/** The text of {@code mirror:status}. */
final class StatusText {
  private StatusText() {}

  /**
   * @param source the {@code mirror.source} configuration (empty when no source runs)
   * @param pipeline the {@code mirror.pipeline} configuration (the selection asked for)
   * @param last the frames of the last second
   */
  static String of(Map<String, Object> source, Map<String, Object> pipeline, LastSecond.Snapshot last) {
    StringBuilder s = new StringBuilder();
    String src = MirrorCommands.text(source, "source", "none");
    boolean realtime = Boolean.parseBoolean(String.valueOf(source.get("realtime")));
    s.append("source     ").append(src).append(realtime ? " (real time)" : "").append('\n');
    LastSecond.Seen newest = last.newest();
    s.append(line("detector", newest == null ? null : newest.detector(), MirrorCommands.text(pipeline, "detector", "not set: the default")));
    s.append(line("model", newest == null ? null : newest.model(), MirrorCommands.text(pipeline, "model", "not set: the default")));
    s.append(line("smoother", newest == null ? null : newest.smoother(), MirrorCommands.text(pipeline, "smoother", "not set: the default")));
    String compareAsked = compareAsked(pipeline);
    String compareInUse = newest == null || newest.compare().isEmpty() ? "off" : newest.compare();
    s.append("compare    ").append(compareInUse).append(" (configured: ").append(compareAsked).append(")\n");
    if (newest == null) {
      s.append("frames     none yet\n");
    } else {
      s.append(String.format(Locale.ROOT, "frames     %d in the last second (%d fps); newest frame %d%n",
          last.frames(), last.frames(), newest.frame()));
    }
    if (last.frames() > 0) {
      s.append("stage ms   median / max over the last second:");
      last.medianMs().forEach((stage, median) ->
          s.append(' ').append(stage).append(' ').append(MirrorCommands.ms(median))
              .append(" / ").append(MirrorCommands.ms(last.maxMs().get(stage))));
      s.append('\n');
    }
    if (!last.ended().isEmpty()) {
      s.append("run        ").append(last.ended()).append('\n');
    }
    return s.toString().stripTrailing();
  }

  /** One component: what made the newest frame, and what the configuration asks for. */
  private static String line(String kind, String inUse, String configured) {
    return String.format(Locale.ROOT, "%-10s %s (configured: %s)%n", kind, inUse == null ? "-" : inUse, configured);
  }

  private static String compareAsked(Map<String, Object> pipeline) {
    String detector = MirrorCommands.text(pipeline, "compare.detector", "");
    String model = MirrorCommands.text(pipeline, "compare.model", "");
    if (detector.isEmpty() && model.isEmpty()) {
      return "off";
    }
    return (detector.isEmpty() ? "" : "detector " + detector) + (detector.isEmpty() || model.isEmpty() ? "" : ", ")
        + (model.isEmpty() ? "" : "model " + model);
  }
}
