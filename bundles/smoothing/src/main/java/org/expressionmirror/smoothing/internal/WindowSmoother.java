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
  private final ConfigValue<WindowConfig> windowSeconds;

  @Activate
  public WindowSmoother(WindowConfig config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.windowSeconds = new ConfigValue<>(KEY, WindowSmoother::validate, config, logger);
  }

  @Modified
  void modified(WindowConfig config) {
    windowSeconds.update(config);
  }

  static double validate(WindowConfig config) {
    return Scores.positiveSeconds(Smoothers.WINDOW_PID, KEY, config.windowSeconds());
  }

  @Override
  public Track newTrack() {
    return new WindowTrack(windowSeconds);
  }
}
