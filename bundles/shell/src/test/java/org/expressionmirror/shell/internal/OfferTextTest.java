package org.expressionmirror.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfferTextTest {
  private static final Offer HAAR = new Offer("haar", "4.9.0", "org.expressionmirror.face.haar 0.1.0", 0, Map.of());
  private static final Offer BLAZE =
      new Offer("blazeface", "1.2.0-front128", "org.expressionmirror.face.blazeface 0.1.0", 5, Map.of());

  @Test
  void marksTheOneInUseAndShowsVersionBundleAndRanking() {
    String text = OfferText.plain(Kind.DETECTOR, List.of(BLAZE, HAAR), "haar");
    String[] lines = text.split("\n");
    assertEquals("2 detectors on offer (* in use):", lines[0]);
    assertTrue(lines[1].matches("    blazeface +1\\.2\\.0-front128 +org\\.expressionmirror\\.face\\.blazeface 0\\.1\\.0 \\(ranking 5\\)"), lines[1]);
    assertTrue(lines[2].matches("  \\* haar +4\\.9\\.0 +org\\.expressionmirror\\.face\\.haar 0\\.1\\.0"), lines[2]);
    assertEquals(List.of("blazeface", "haar"), Offer.ids(List.of(HAAR, BLAZE, HAAR)));
    assertEquals("haar@4.9.0", HAAR.label());
  }

  @Test
  void aModelShowsItsGoldenCheckSourceLicenceAndOrigin() {
    Offer ensemble = new Offer("ensemble", "1.0.0", "org.expressionmirror.expression.ensemble 0.1.0", 0, Map.of());
    Offer bundled =
        new Offer("mine", "2", "org.example 1.0.0", 0,
            Map.of("model.licence", "MIT", "model.bundle", "org.example.models 1.0.0"));
    String text = OfferText.models(List.of(ensemble, bundled), "mine", o -> o.id().equals("mine") ? "my weights" : "");
    assertTrue(text.contains("      golden   no description"), text);
    assertTrue(text.contains("      source   -\n"), text);
    assertTrue(text.contains("      source   my weights\n      licence  MIT\n      from     model bundle org.example.models 1.0.0"), text);
  }

  @Test
  void aWordThatIsNoKindIsRefusedInOneLine() {
    assertEquals(Kind.SMOOTHER, Kind.of("smoother", "use"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kind.of("lens", "use"));
    assertEquals("use: 'lens' is not detector, model or smoother; the selection is unchanged", e.getMessage());
  }
}
