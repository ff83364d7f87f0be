package org.expressionmirror.face.haar.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.face.haar.HaarDetectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The chain detector: the detectors its configuration lists, tried in order until one finds a
 * face (by default the frontal Haar cascades, then the profile one). Every face names the link
 * that found it.
 *
 * <p>The detectors are a static, greedy reference: a detector that comes or goes restarts the
 * chain with the new set, so the links are checked against what is there. An initial link that
 * names no detector fails activation (naming file, key and value); a later invalid change is
 * logged and the previous links stay in use.
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = HaarDetectors.CHAIN_PID,
    property = {
      FaceDetector.ID + "=" + HaarDetectors.CHAIN_ID,
      FaceDetector.VERSION + "=" + ChainDetector.VERSION
    })
@Designate(ocd = ChainConfig.class)
public final class ChainDetector implements FaceDetector {
  static final String VERSION = "1.0.0";

  private final Map<String, FaceDetector> offered;
  private final Logger logger;
  // Volatile, not final: replaced whole by a valid new configuration, kept on an invalid one.
  private volatile ChainLinks links;

  @Activate
  public ChainDetector(
      ChainConfig config,
      @Reference(
              name = "detectors",
              service = FaceDetector.class,
              cardinality = ReferenceCardinality.MULTIPLE,
              policyOption = ReferencePolicyOption.GREEDY,
              target = "(!(" + FaceDetector.ID + "=" + HaarDetectors.CHAIN_ID + "))")
          List<Map.Entry<Map<String, ?>, FaceDetector>> detectors,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.offered = byId(detectors);
    this.logger = logger;
    this.links = ChainLinks.of(config.links(), offered);
  }

  @Modified
  void modified(ChainConfig config) {
    try {
      links = ChainLinks.of(config.links(), offered);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the links {}", e.getMessage(), String.join(",", links.ids()));
    }
  }

  List<String> links() {
    return links.ids();
  }

  @Override
  public List<Face> detect(Frame frame) {
    return links.detect(frame);
  }

  /** Each link gets the region as one: BlazeFace, say, reads it with its region threshold. */
  @Override
  public List<Face> detectNear(Frame region) {
    return links.detectNear(region);
  }

  /** DS sorts by ranking, lowest first: of two detectors with one id the higher ranked wins. */
  private static Map<String, FaceDetector> byId(List<Map.Entry<Map<String, ?>, FaceDetector>> detectors) {
    Map<String, FaceDetector> byId = new HashMap<>();
    for (Map.Entry<Map<String, ?>, FaceDetector> e : detectors) {
      Object id = e.getKey().get(FaceDetector.ID);
      if (id != null) {
        byId.put(id.toString(), e.getValue());
      }
    }
    return Map.copyOf(byId);
  }
}
