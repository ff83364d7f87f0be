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
  private final ConfigValue<EmaConfig> halfLifeSeconds;

  @Activate
  public EmaSmoother(EmaConfig config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.halfLifeSeconds = new ConfigValue<>(KEY, EmaSmoother::validate, config, logger);
  }

  @Modified
  void modified(EmaConfig config) {
    halfLifeSeconds.update(config);
  }

  static double validate(EmaConfig config) {
    return Scores.positiveSeconds(Smoothers.EMA_PID, KEY, config.halfLifeSeconds());
  }

  @Override
  public Track newTrack() {
    return new EmaTrack(halfLifeSeconds);
  }
}
