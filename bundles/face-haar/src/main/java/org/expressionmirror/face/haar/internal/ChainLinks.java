package org.expressionmirror.face.haar.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.face.haar.HaarDetectors;

/** The chain's rule: its links in order, the first that finds a face gives the faces. */
record ChainLinks(List<String> ids, List<FaceDetector> detectors) {
  /** The detectors of this bundle, which a chain may name before they are registered. */
  private static final Set<String> OWN =
      Set.of(
          HaarDetectors.ID,
          HaarDetectors.ALT_ID,
          HaarDetectors.ALT2_ID,
          HaarDetectors.PROFILE_ID);

  /**
   * Detectors the distribution ships in bundles of their own, which may register after the
   * chain: the example LBP detector (bundles/example-face-lbp). Named before they come, they are
   * left out like this bundle's own.
   */
  private static final Set<String> SHIPPED = Set.of("lbp");

  ChainLinks {
    ids = List.copyOf(ids);
    detectors = List.copyOf(detectors);
  }

  /**
   * The links a configuration names, checked against the detectors on offer; a link to one of
   * this bundle's own detectors that is not on offer is left out until it is.
   *
   * @param raw the configured values; a value may hold several ids separated by commas (a
   *     {@code .cfg} file gives one string)
   * @throws IllegalArgumentException naming the PID, the key and the value
   */
  static ChainLinks of(String[] raw, Map<String, FaceDetector> offered) {
    List<String> ids =
        Arrays.stream(raw).flatMap(v -> Arrays.stream(v.split(",", -1))).map(String::strip).toList();
    String value = String.join(",", ids);
    if (ids.isEmpty() || ids.contains("")) {
      throw invalid(value, "must list detector ids separated by commas, none empty");
    }
    List<String> present = new ArrayList<>();
    List<FaceDetector> detectors = new ArrayList<>();
    for (String id : ids) {
      if (id.equals(HaarDetectors.CHAIN_ID)) {
        throw invalid(value, "cannot name the chain itself");
      }
      if (ids.indexOf(id) != ids.lastIndexOf(id)) {
        throw invalid(value, "names '" + id + "' twice");
      }
      FaceDetector d = offered.get(id);
      if (d == null && (OWN.contains(id) || SHIPPED.contains(id))) {
        // this bundle's own detector: not there yet, or it failed and says why itself; the
        // chain starts again with it when it comes (static greedy reference)
        continue;
      }
      if (d == null) {
        throw invalid(value, "names '" + id + "', which is no detector id (available: "
            + String.join(", ", new TreeSet<>(offered.keySet())) + ")");
      }
      present.add(id);
      detectors.add(d);
    }
    return new ChainLinks(present, detectors);
  }

  /** The faces of the first link that finds any, each naming that link; else none. */
  List<Face> detect(Frame frame) {
    return first(frame, false);
  }

  /** As {@link #detect}, each link reading the region as one around a face found before. */
  List<Face> detectNear(Frame region) {
    return first(region, true);
  }

  private List<Face> first(Frame frame, boolean near) {
    for (int i = 0; i < ids.size(); i++) {
      FaceDetector link = detectors.get(i);
      List<Face> faces = near ? link.detectNear(frame) : link.detect(frame);
      if (!faces.isEmpty()) {
        String id = ids.get(i);
        return faces.stream().map(f -> f.withFoundBy(id)).toList();
      }
    }
    return List.of();
  }

  private static IllegalArgumentException invalid(String value, String rule) {
    return new IllegalArgumentException(
        HaarDetectors.CHAIN_PID + ": links = '" + value + "' " + rule);
  }
}
