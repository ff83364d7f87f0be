package org.expressionmirror.expression.ensemble.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ModelInput;
import org.expressionmirror.api.Precedence;
import org.junit.jupiter.api.Test;

/** Mixture arithmetic, configuration checks and registration while all members are present. */
class EnsembleTest {
  // 7 labels, no contempt (like face-api / mini-Xception).
  private final Fixed a = Fixed.of("a", "1.7.15", Map.of(
      "anger", 0.1, "disgust", 0.0, "fear", 0.1, "happiness", 0.5, "neutral", 0.2, "sadness", 0.05, "surprise", 0.05));
  // 8 labels with contempt (like HSEmotion).
  private final Fixed b = Fixed.of("b", "3.3.6", Map.of(
      "anger", 0.2, "contempt", 0.2, "disgust", 0.1, "fear", 0.0, "happiness", 0.1, "neutral", 0.3, "sadness", 0.1,
      "surprise", 0.0));

  private final Map<Integer, EnsembleModel> registered = new LinkedHashMap<>();
  private final List<String> infos = new ArrayList<>();
  private int next;
  private long serviceId;

  @Test
  void equalWeightsMixOverTheUnionAndALabelAMemberLacksCountsAsZero() {
    EnsembleModel e = new EnsembleModel(EnsembleSpec.of("ens", new String[] {"a", "b"}, null), List.of(a, b));
    Distribution d = e.classify(Fixed.FRAME, Fixed.BOX);
    // by hand: (pa + pb) / 2
    assertEquals(0.15, d.get("anger"), 1e-12);
    assertEquals(0.10, d.get("contempt"), 1e-12); // (0 + 0.2) / 2: not 0.2 as "average of those having it" gives
    assertEquals(0.05, d.get("disgust"), 1e-12);
    assertEquals(0.05, d.get("fear"), 1e-12);
    assertEquals(0.30, d.get("happiness"), 1e-12);
    assertEquals(0.25, d.get("neutral"), 1e-12);
    assertEquals(0.075, d.get("sadness"), 1e-12);
    assertEquals(0.025, d.get("surprise"), 1e-12);
    assertEquals(List.of("anger", "contempt", "disgust", "fear", "happiness", "neutral", "sadness", "surprise"),
        e.info().labels());
    assertEquals("1.0.0+a@1.7.15,b@3.3.6", e.info().version());
    assertEquals("ens", e.info().id());
  }

  @Test
  void eachMemberHandsItsOwnInputInOrderAndTheMixtureIsTheSame() {
    EnsembleModel e = new EnsembleModel(EnsembleSpec.of("ens", new String[] {"b", "a"}, null), List.of(b, a));
    List<ModelInput> inputs = new ArrayList<>();
    Distribution seen = e.classify(Fixed.FRAME, Fixed.BOX, inputs::add);
    assertEquals(List.of("b", "a"), inputs.stream().map(ModelInput::model).toList());
    assertEquals(e.classify(Fixed.FRAME, Fixed.BOX).probabilities(), seen.probabilities());
  }

  @Test
  void weightsAreNormalisedAndApplied() {
    // weights 3 and 1 -> 0.75 and 0.25
    EnsembleModel e = new EnsembleModel(EnsembleSpec.of("ens", new String[] {"a,b"}, new String[] {"3, 1"}), List.of(a, b));
    Distribution d = e.classify(Fixed.FRAME, Fixed.BOX);
    assertEquals(0.75 * 0.5 + 0.25 * 0.1, d.get("happiness"), 1e-12);
    assertEquals(0.25 * 0.2, d.get("contempt"), 1e-12);
    assertEquals(0.75 * 0.2 + 0.25 * 0.3, d.get("neutral"), 1e-12);
    assertTrue(e.info().source().contains("a@1.7.15 (weight 0.750)"), e.info().source());
  }

  @Test
  void badConfigurationsNameTheKeyAndTheValue() {
    assertMessage("mirror.ensemble 'e': members = [a] must name at least two models", "e", new String[] {"a"}, null);
    assertMessage("mirror.ensemble 'e': members = [a, e] must not include the ensemble itself", "e", new String[] {"a", "e"}, null);
    assertMessage("mirror.ensemble 'e': members = [a, a] names a model twice", "e", new String[] {"a,a"}, null);
    assertMessage("mirror.ensemble 'e': weights = [1] must have one value per member [a, b]", "e", new String[] {"a", "b"},
        new String[] {"1"});
    assertMessage("mirror.ensemble 'e': weights = [1, -2]: '-2' is not a positive number", "e", new String[] {"a", "b"},
        new String[] {"1", "-2"});
    assertMessage("mirror.ensemble 'e': weights = [1, x]: 'x' is not a positive number", "e", new String[] {"a", "b"},
        new String[] {"1,x"});
    assertMessage("mirror.ensemble: id = my ensemble must be letters, digits, '.', '_' or '-'", "my ensemble",
        new String[] {"a", "b"}, null);
  }

  @Test
  void registeredOnlyWhileAllMembersAreAndRebuiltWhenAMemberIsReplaced() {
    EnsembleMembers m = members(EnsembleSpec.of("ens", new String[] {"a", "b"}, null));
    m.add("ref-a", "a", a, registration());
    m.add("ref-other", "c", b, registration()); // not a member
    assertTrue(registered.isEmpty());
    m.add("ref-b", "b", b, registration());
    assertEquals(1, registered.size());
    assertEquals("1.0.0+a@1.7.15,b@3.3.6", registered.values().iterator().next().info().version());

    // Its own service comes back through the reference: ignored.
    m.add("ref-ens", "ens", registered.values().iterator().next(), registration());
    assertEquals(1, registered.size());

    // A new version of b arrives before the old goes (as the models folder replaces a model).
    Fixed b2 = Fixed.of("b", "3.4.0", b.output().probabilities());
    m.add("ref-b2", "b", b2, registration());
    assertEquals(1, registered.size());
    assertEquals("1.0.0+a@1.7.15,b@3.4.0", registered.values().iterator().next().info().version());
    m.remove("ref-b");
    assertEquals("1.0.0+a@1.7.15,b@3.4.0", registered.values().iterator().next().info().version());

    m.remove("ref-a");
    assertTrue(registered.isEmpty());
    assertNull(m.model());
    assertTrue(infos.contains("ensemble 'ens' unregistered: member [a] is not available"), infos.toString());
    m.add("ref-a", "a", a, registration());
    assertEquals(1, registered.size());
    m.close();
    assertTrue(registered.isEmpty());
  }

  @Test
  void aNewConfigurationIsBuiltFromTheModelsAlreadyKnown() {
    EnsembleMembers m = members(EnsembleSpec.of("ens", new String[] {"a", "b"}, null));
    Fixed c = Fixed.of("c", "1", Map.of("happiness", 1.0));
    m.add("ref-a", "a", a, registration());
    m.add("ref-b", "b", b, registration());
    m.add("ref-c", "c", c, registration());
    m.reconfigure(EnsembleSpec.of("ens", new String[] {"a", "c"}, null));
    assertEquals(1, registered.size());
    EnsembleModel e = registered.values().iterator().next();
    assertEquals("1.0.0+a@1.7.15,c@1", e.info().version());
    assertEquals(0.75, e.classify(Fixed.FRAME, Fixed.BOX).get("happiness"), 1e-12);
  }

  @Test
  void ofTwoModelsWithTheSameIdTheHigherRankingThenTheNewerIsAMember() {
    EnsembleMembers m = members(EnsembleSpec.of("ens", new String[] {"a", "b"}, null));
    Fixed b2 = Fixed.of("b", "3.4.0", b.output().probabilities());
    Fixed b3 = Fixed.of("b", "3.5.0", b.output().probabilities());
    m.add("ref-a", "a", a, registration());
    m.add("ref-b", "b", b, new Precedence(5, ++serviceId));
    m.add("ref-b2", "b", b2, registration()); // newer, but ranked lower: b stays
    assertEquals("1.0.0+a@1.7.15,b@3.3.6", registered.values().iterator().next().info().version());
    m.add("ref-b3", "b", b3, new Precedence(5, ++serviceId)); // same ranking, newer: takes over
    assertEquals("1.0.0+a@1.7.15,b@3.5.0", registered.values().iterator().next().info().version());
    m.remove("ref-b3");
    m.remove("ref-b");
    assertEquals("1.0.0+a@1.7.15,b@3.4.0", registered.values().iterator().next().info().version());
    m.close();
  }

  /** The precedence of a new registration with the default ranking. */
  private Precedence registration() {
    return new Precedence(0, ++serviceId);
  }

  private EnsembleMembers members(EnsembleSpec spec) {
    return new EnsembleMembers(spec, new EnsembleMembers.Registrar() {
      @Override
      public Object register(EnsembleModel model, EnsembleSpec s) {
        registered.put(next, model);
        return next++;
      }

      @Override
      public void unregister(Object registration) {
        registered.remove((Integer) registration);
      }
    }, infos::add);
  }

  private static void assertMessage(String expected, String id, String[] members, String[] weights) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnsembleSpec.of(id, members, weights));
    assertEquals(expected, e.getMessage());
  }
}
