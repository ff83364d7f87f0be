package org.expressionmirror.smoothing.internal;

import org.expressionmirror.api.Smoother;
import org.expressionmirror.smoothing.Smoothers;
import org.osgi.service.component.annotations.Component;

/** No smoothing: each frame's scores as they are, for comparing against the smoothed ones. */
@Component(property = {Smoother.ID + "=" + Smoothers.NONE, Smoother.VERSION + "=1.0.0"})
public final class NoSmoother implements Smoother {
  private static final Track IDENTITY = (timeMs, scores) -> scores;

  @Override
  public Track newTrack() {
    return IDENTITY;
  }
}
