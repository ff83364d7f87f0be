package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

/** Teach mode's settings: an out-of-range value is named with its key (the window shows it when Teach mode opens). */
class TeachConfigTest {
  @Test
  void theDefaultsPass() {
    assertEquals("", TeacherComponent.problem(config(10, 300, 5, 1e-3)));
  }

  @Test
  void outOfRangeSettingsAreNamed() {
    assertEquals("mirror.teach: folds = 1 must be between 2 and 100", refused(config(10, 300, 1, 1e-3)));
    assertEquals("mirror.teach: l2 = -0.1 must be a finite number, 0 or more", refused(config(10, 300, 5, -0.1)));
    assertEquals("mirror.teach: l2 = NaN must be a finite number, 0 or more", refused(config(10, 300, 5, Double.NaN)));
    assertEquals("mirror.teach: minimumPerExpression = 1 must be between 2 and 10000", refused(config(1, 300, 5, 1e-3)));
    assertEquals(
        "mirror.teach: maximumPerExpression = 5 must be between minimumPerExpression (10) and 10000",
        refused(config(10, 5, 5, 1e-3)));
  }

  private static String refused(TeachConfig c) {
    return TeacherComponent.problem(c);
  }

  private static TeachConfig config(int min, int max, int folds, double l2) {
    return new TeachConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return TeachConfig.class;
      }

      @Override
      public String backbone() {
        return "faceapi-expression";
      }

      @Override
      public int minimumPerExpression() {
        return min;
      }

      @Override
      public int maximumPerExpression() {
        return max;
      }

      @Override
      public int folds() {
        return folds;
      }

      @Override
      public double l2() {
        return l2;
      }
    };
  }
}
