package org.expressionmirror.face.haar.internal;

import org.expressionmirror.face.haar.HaarDetectors;

/** The cascades this bundle embeds (from the models artifact), one detector id each. */
enum Cascade {
  FRONTAL_DEFAULT(HaarDetectors.ID, HaarDetectors.PID, "haarcascade_frontalface_default.xml", false),
  FRONTAL_ALT(HaarDetectors.ALT_ID, HaarDetectors.ALT_PID, "haarcascade_frontalface_alt.xml", false),
  FRONTAL_ALT2(HaarDetectors.ALT2_ID, HaarDetectors.ALT2_PID, "haarcascade_frontalface_alt2.xml", false),
  // OpenCV's profile cascade was trained on faces turned one way: the mirror finds the other way.
  PROFILE(HaarDetectors.PROFILE_ID, HaarDetectors.PROFILE_PID, "haarcascade_profileface.xml", true);

  final String id;
  final String pid;
  final String file;
  final boolean alsoMirrored;

  Cascade(String id, String pid, String file, boolean alsoMirrored) {
    this.id = id;
    this.pid = pid;
    this.file = file;
    this.alsoMirrored = alsoMirrored;
  }

  /** The class path resource of this bundle that holds the cascade. */
  String resource() {
    return "/cascades/" + file;
  }
}
