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

/** Exponential moving average with a half-life in seconds of source time. */
@Component(
    configurationPid = Smoothers.EMA_PID,
    property = {Smoother.ID + "=" + Smoothers.EMA, Smoother.VERSION + "=1.0.0"})
@Designate(ocd = EmaConfig.class)
public final class EmaSmoother implements Smoother {
  private static final String KEY = "halfLifeSeconds";
  private final Logger logger;
  // Volatile, not final: a bad new value is rejected in modified() while the old one stays in use.
  private volatile double halfLifeSeconds;

  @Activate
  public EmaSmoother(EmaConfig config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.logger = logger;
    this.halfLifeSeconds = validate(config);
  }

  @Modified
  void modified(EmaConfig config) {
    try {
      halfLifeSeconds = validate(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping {} = {}", e.getMessage(), KEY, halfLifeSeconds);
    }
  }

  static double validate(EmaConfig config) {
    return Scores.positiveSeconds(Smoothers.EMA_PID, KEY, config.halfLifeSeconds());
  }

  @Override
  public Track newTrack() {
    return new EmaTrack(() -> halfLifeSeconds);
  }
}
