package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

/** Teach mode's settings: out-of-range values are refused naming the key and the value. */
class TeachConfigTest {
  @Test
  void theDefaultsPass() {
    TeachConfig defaults = config(10, 300, 5, 1e-3);
    assertSame(defaults, TeacherComponent.checked(defaults));
  }

  @Test
  void outOfRangeSettingsAreNamed() {
    assertEquals("mirror.teach: folds = 1 must be between 2 and 100", refused(config(10, 300, 1, 1e-3)));
    assertEquals("mirror.teach: l2 = -0.1 must be 0 or more", refused(config(10, 300, 5, -0.1)));
    assertEquals("mirror.teach: l2 = NaN must be 0 or more", refused(config(10, 300, 5, Double.NaN)));
    assertEquals("mirror.teach: minimumPerExpression = 1 must be between 2 and 100000", refused(config(1, 300, 5, 1e-3)));
    assertEquals(
        "mirror.teach: maximumPerExpression = 5 must be between minimumPerExpression (10) and 100000",
        refused(config(10, 5, 5, 1e-3)));
  }

  private static String refused(TeachConfig c) {
    return assertThrows(IllegalArgumentException.class, () -> TeacherComponent.checked(c)).getMessage();
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
