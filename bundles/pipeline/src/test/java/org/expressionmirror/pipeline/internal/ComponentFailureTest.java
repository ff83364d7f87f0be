package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentException;

/** The one line made of what DS recorded for a component that failed to start. */
class ComponentFailureTest {
  private static final String FILE = "/cfg/mirror.detector.haar.cfg";
  private static final Function<String, Optional<ComponentFailure.Attribute>> DOCS =
      key ->
          switch (key) {
            case "scaleFactor" -> Optional.of(new ComponentFailure.Attribute("Double", "Greater than 1."));
            case "minNeighbors" -> Optional.of(new ComponentFailure.Attribute("Integer", "0 or more."));
            default -> Optional.empty();
          };

  /** A failure text as DS records it: the stack trace of what the activation threw. */
  private static String trace(Throwable t) {
    StringWriter s = new StringWriter();
    t.printStackTrace(new PrintWriter(s));
    return s.toString();
  }

  @Test
  void aValueDsCannotConvertIsNamedWithFileKeyAndRange() {
    String failure = trace(new ComponentException(new NumberFormatException("For input string: \"abc\"")));
    assertEquals(
        FILE + ": scaleFactor = 'abc' is not a number; scaleFactor: Greater than 1",
        ComponentFailure.describe(
            "Haar", failure, "mirror.detector.haar", FILE,
            Map.of("scaleFactor", "abc", "minNeighbors", "5", "service.pid", "mirror.detector.haar"), DOCS));
  }

  @Test
  void aWholeNumberKeyIsCalledSo() {
    String failure = trace(new ComponentException(new NumberFormatException("For input string: \"1e20\"")));
    assertEquals(
        FILE + ": minNeighbors = '1e20' is not a whole number; minNeighbors: 0 or more",
        ComponentFailure.describe(
            "Haar", failure, "mirror.detector.haar", FILE, Map.of("minNeighbors", " 1e20"), DOCS));
  }

  @Test
  void theComponentsOwnCheckKeepsItsWordsWithTheFileInsteadOfThePid() {
    String failure =
        trace(
            new IllegalStateException(
                "activation",
                new IllegalArgumentException("mirror.models: intraOpThreads = 100000 must be between 1 and 64")));
    assertEquals(
        "/cfg/mirror.models.cfg: intraOpThreads = 100000 must be between 1 and 64",
        ComponentFailure.describe(
            "Models", failure, "mirror.models", "/cfg/mirror.models.cfg", Map.of(), DOCS));
  }

  @Test
  void anyOtherFailureNamesTheComponentAndTheInnermostCause() {
    String failure = trace(new ComponentException(new java.io.IOException("cascade missing")));
    assertEquals(
        "component Haar cannot start: cascade missing",
        ComponentFailure.describe("Haar", failure, "mirror.detector.haar", null, Map.of(), DOCS));
  }
}
