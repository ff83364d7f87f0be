package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images that cannot be decoded are counted as such in the report, apart from the scores. */
class UnreadableImagesReportTest {
  private static final List<String> LABELS = List.of("anger", "happiness", "neutral");

  private static Report report(List<String> unreadable) {
    return Report.of("/d", "m 1", LABELS, "none", ConfusionTest.handMade(), List.of(), unreadable);
  }

  @Test
  void theTableCountsAndNamesUnreadableImagesAndScoresOnlyTheOthers() {
    String table = ReportTable.of(report(List.of("happy/broken.jpg", "sad/😀 empty.png")));
    assertTrue(
        table.contains("2 unreadable images skipped (not scored): happy/broken.jpg, sad/😀 empty.png"),
        table);
    assertTrue(table.contains("accuracy 60.00 % (9/15)"), table);
    assertTrue(
        ReportTable.of(report(List.of("a/x.jpg"))).contains("1 unreadable image skipped (not scored): a/x.jpg"));
  }

  @Test
  void theJsonHasTheCountAndTheFiles() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ReportJson.text(report(List.of("happy/broken.jpg"))));
    assertEquals(1, json.get("unreadable").asLong());
    assertEquals("happy/broken.jpg", json.get("unreadableImages").get(0).asText());
    assertEquals(15, json.get("images").asLong(), "unreadable images are not among those scored");
  }

  @Test
  void withoutUnreadableImagesTheTableSaysNothingAboutThem() throws IOException {
    assertFalse(ReportTable.of(report(List.of())).contains("unreadable"));
    JsonNode json = new ObjectMapper().readTree(ReportJson.text(report(List.of())));
    assertEquals(0, json.get("unreadable").asLong());
    assertEquals(0, json.get("unreadableImages").size());
  }
}
