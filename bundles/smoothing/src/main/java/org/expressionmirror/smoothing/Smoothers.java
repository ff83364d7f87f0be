package org.expressionmirror.smoothing;

/** Ids ({@code smoother.id} values) and configuration PIDs of the smoothers in this bundle. */
public final class Smoothers {
  public static final String EMA = "ema";
  public static final String WINDOW = "window";
  public static final String NONE = "none";

  public static final String EMA_PID = "mirror.smoother.ema";
  public static final String WINDOW_PID = "mirror.smoother.window";

  private Smoothers() {}
}
