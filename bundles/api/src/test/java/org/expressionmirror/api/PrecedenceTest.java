package org.expressionmirror.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one rule for two components with the same id: ranking first, then the newer registration. */
class PrecedenceTest {
  @Test
  void readsRankingAndServiceIdFromServiceProperties() {
    assertEquals(
        new Precedence(5, 42),
        Precedence.of(Map.of(Precedence.RANKING, 5, Precedence.SERVICE_ID, 42L, "detector.id", "haar")));
    assertEquals(new Precedence(0, 7), Precedence.of(Map.of(Precedence.SERVICE_ID, 7L)));
    // A ranking that is not an Integer is ignored, as the framework ignores it.
    assertEquals(new Precedence(0, 7), Precedence.of(Map.of(Precedence.RANKING, "9", Precedence.SERVICE_ID, 7L)));
  }

  @Test
  void higherRankingWinsOverNewer() {
    Precedence oldHigh = new Precedence(10, 3);
    Precedence newLow = new Precedence(0, 99);
    assertEquals(oldHigh, Precedence.best(List.of(newLow, oldHigh), Function.identity()).orElseThrow());
    assertEquals(oldHigh, Precedence.best(List.of(oldHigh, newLow), Function.identity()).orElseThrow());
  }

  @Test
  void ofEqualRankingsTheNewerRegistrationWins() {
    Precedence older = new Precedence(0, 12);
    Precedence newer = new Precedence(0, 40);
    assertEquals(newer, Precedence.best(List.of(older, newer), Function.identity()).orElseThrow());
    assertEquals(newer, Precedence.best(List.of(newer, older), Function.identity()).orElseThrow());
    assertTrue(newer.compareTo(older) > 0);
    assertTrue(new Precedence(-1, 100).compareTo(older) < 0);
  }

  @Test
  void noneOfNothing() {
    assertTrue(Precedence.best(List.<Precedence>of(), Function.identity()).isEmpty());
  }
}
