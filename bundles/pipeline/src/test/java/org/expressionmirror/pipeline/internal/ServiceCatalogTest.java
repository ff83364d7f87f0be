package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline picks among services of one id by the shared rule: ranking, then newest. */
class ServiceCatalogTest {
  private final ServiceCatalog<String> catalog = new ServiceCatalog<>("detector", "detector.id", "detector.version");

  private void register(String service, String id, String version, int ranking, long serviceId) {
    catalog.add(
        service,
        Map.of("detector.id", id, "detector.version", version, "service.ranking", ranking, "service.id", serviceId));
  }

  @Test
  void theNewerOfTwoEquallyRankedWinsAndTheOlderServesAgainWhenItGoes() {
    register("old lbp", "lbp", "1.0", 0, 10);
    register("new lbp", "lbp", "2.0", 0, 42);
    assertEquals("lbp@2.0", catalog.find("lbp", null).orElseThrow().label());
    catalog.remove("new lbp");
    assertEquals("lbp@1.0", catalog.find("lbp", null).orElseThrow().label());
  }

  @Test
  void aHigherRankingWinsOverANewerRegistration() {
    register("ranked", "haar", "1.0", 5, 3);
    register("later", "haar", "9.0", 0, 50);
    assertEquals("ranked", catalog.find("haar", null).orElseThrow().service());
    register("other", "blazeface", "1.0", 0, 60);
    // of all, the same rule: the ranked one
    assertEquals("ranked", catalog.best(null).orElseThrow().service());
    assertEquals(List.of("blazeface", "haar"), catalog.ids());
  }
}
