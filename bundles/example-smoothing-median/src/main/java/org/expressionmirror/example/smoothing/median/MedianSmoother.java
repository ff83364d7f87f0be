package org.expressionmirror.example.smoothing.median;

import java.util.Map;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Smoother;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Smoother {@code median}: each label's median over a face's last {@code windowSize} readings,
 * scaled to sum to 1. Unlike a mean, a reading that jumps for one or two frames (a blink, a badly
 * cropped face) leaves no trace. Select it with {@code smoother=median} in mirror.pipeline.cfg.
 */
@Component(
    configurationPid = MedianSmoother.PID,
    property = {Smoother.ID + "=" + MedianSmoother.ID, Smoother.VERSION + "=1.0.0"})
@Designate(ocd = MedianConfig.class)
public final class MedianSmoother implements Smoother {
  /** Value of {@code smoother.id}. */
  public static final String ID = "median";

  /** Config Admin PID of the window size (file runtime-config/mirror.smoother.median.cfg). */
  public static final String PID = "mirror.smoother.median";

  /** More readings than this is seconds of delay at camera rates: surely a typo. */
  static final int MAX_WINDOW = 301;

  private final Logger logger;
  // Volatile, not final: replaced by a valid new configuration, kept on an invalid one; the
  // tracks read it on the pipeline thread.
  private volatile int windowSize;

  /** Fails with a message naming PID, key and value when the configuration is out of range. */
  @Activate
  public MedianSmoother(MedianConfig config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.logger = logger;
    this.windowSize = validate(config);
    warmUp();
  }

  /**
   * Runs the per-frame code once, so each class it needs is loaded now: the pipeline may still
   * ask this smoother for a track in the moment its bundle is being uninstalled, when this
   * bundle can load no class any more.
   */
  private void warmUp() {
    newTrack().update(0, new Distribution(Map.of(Expressions.NEUTRAL, 1.0)));
  }

  @Modified
  void modified(MedianConfig config) {
    try {
      windowSize = validate(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping windowSize = {}", e.getMessage(), windowSize);
    }
  }

  static int validate(MedianConfig config) {
    int size = config.windowSize();
    if (size < 1 || size > MAX_WINDOW) {
      throw new IllegalArgumentException(
          PID + ": windowSize must be from 1 to " + MAX_WINDOW + ", got " + size);
    }
    return size;
  }

  int windowSize() {
    return windowSize;
  }

  @Override
  public Track newTrack() {
    return new MedianTrack(this::windowSize);
  }
}
