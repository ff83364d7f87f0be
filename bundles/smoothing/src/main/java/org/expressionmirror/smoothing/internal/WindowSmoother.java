package org.expressionmirror.smoothing.internal;

import org.expressionmirror.api.Smoother;
import org.expressionmirror.smoothing.Smoothers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/** Mean over a sliding window of N seconds of source time. */
@Component(
    configurationPid = Smoothers.WINDOW_PID,
    property = {Smoother.ID + "=" + Smoothers.WINDOW, Smoother.VERSION + "=1.0.0"})
@Designate(ocd = WindowConfig.class)
public final class WindowSmoother implements Smoother {
  private static final String KEY = "windowSeconds";
  private final Logger logger;
  // Volatile, not final: a bad new value is rejected in modified() while the old one stays in use.
  private volatile double windowSeconds;

  @Activate
  public WindowSmoother(WindowConfig config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.logger = logger;
    this.windowSeconds = validate(config);
  }

  @Modified
  void modified(WindowConfig config) {
    try {
      windowSeconds = validate(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping {} = {}", e.getMessage(), KEY, windowSeconds);
    }
  }

  static double validate(WindowConfig config) {
    return Scores.positiveSeconds(Smoothers.WINDOW_PID, KEY, config.windowSeconds());
  }

  @Override
  public Track newTrack() {
    return new WindowTrack(() -> windowSeconds);
  }
}
