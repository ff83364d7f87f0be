package org.expressionmirror.face.haar.internal;

import static org.expressionmirror.face.haar.internal.TestDetectors.PHOTOS;
import static org.expressionmirror.face.haar.internal.TestDetectors.photo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.face.haar.HaarDetectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chain's order and stop rule with the real cascades on the shipped photos. */
class CascadeChainTest {
  private static final Map<Cascade, CascadeDetector> CASCADES = new EnumMap<>(Cascade.class);

  /** The detectors by id, each counting the frames it was asked about. */
  private static Map<String, Counting> offered;

  /** A real detector that remembers which frames it was asked about. */
  private static final class Counting implements FaceDetector {
    final CascadeDetector detector;
    final List<Long> asked = new ArrayList<>();
    /** Frames it was asked about as regions around a face found before. */
    final List<Long> askedNear = new ArrayList<>();

    Counting(CascadeDetector detector) {
      this.detector = detector;
    }

    @Override
    public List<Face> detectNear(Frame region) {
      askedNear.add(region.index());
      return detect(region);
    }

    @Override
    public List<Face> detect(Frame frame) {
      asked.add(frame.index());
      return detector.detect(frame);
    }
  }

  @BeforeAll
  static void loadCascades() {
    for (Cascade c : Cascade.values()) {
      CASCADES.put(c, TestDetectors.detector(c));
    }
  }

  private static ChainLinks chain(String links) {
    offered = new LinkedHashMap<>();
    CASCADES.forEach((c, d) -> offered.put(c.id, new Counting(d)));
    return ChainLinks.of(new String[] {links}, Map.copyOf(offered));
  }

  @Test
  void theFirstLinkThatFindsAFaceGivesAllFacesAndTheRestAreNotAsked() {
    ChainLinks links = chain("haar,haar-alt,haar-alt2,haar-profile");
    Frame frame = photo("sample3.jpg");
    List<Face> faces = links.detect(frame);
    List<Face> haar = CASCADES.get(Cascade.FRONTAL_DEFAULT).detect(frame);
    assertEquals(3, haar.size(), "haar on sample3: " + haar);
    assertEquals(boxes(haar), boxes(faces));
    assertTrue(faces.stream().allMatch(f -> f.foundBy().equals("haar")), faces.toString());
    assertEquals(1, offered.get("haar").asked.size());
    assertEquals(0, offered.get("haar-alt").asked.size() + offered.get("haar-profile").asked.size());
  }

  @Test
  void theOrderIsTheConfiguredOne() {
    ChainLinks links = chain("haar-alt2, haar");
    Frame frame = photo("sample3.jpg");
    List<Face> faces = links.detect(frame);
    // alt2 finds two of the three faces here: the chain stops there and does not ask haar
    assertEquals(boxes(CASCADES.get(Cascade.FRONTAL_ALT2).detect(frame)), boxes(faces));
    assertEquals(2, faces.size());
    assertTrue(faces.stream().allMatch(f -> f.foundBy().equals("haar-alt2")), faces.toString());
    assertEquals(0, offered.get("haar").asked.size());
  }

  @Test
  void aLinkThatFindsNothingPassesTheFrameOn() {
    ChainLinks links = chain("haar,haar-alt,haar-alt2,haar-profile");
    Frame frame = photo("sample2.jpg");
    // sample2: the frontal default and alt cascades miss the three faces, alt2 finds one
    List<Face> faces = links.detect(frame);
    assertEquals(1, faces.size(), faces.toString());
    assertEquals("haar-alt2", faces.get(0).foundBy());
    assertTrue(faces.get(0).box().iou(new Box(891, 264, 192, 192)) > 0.8, faces.toString());
    assertEquals(List.of(0L), offered.get("haar").asked);
    assertEquals(List.of(0L), offered.get("haar-alt").asked);
    assertEquals(List.of(), offered.get("haar-profile").asked);
  }

  @Test
  void aRegionIsPassedOnAsARegionToEveryLinkAsked() {
    ChainLinks links = chain("haar,haar-alt,haar-alt2,haar-profile");
    List<Face> faces = links.detectNear(photo("sample2.jpg"));
    assertEquals("haar-alt2", faces.get(0).foundBy());
    assertEquals(List.of(0L), offered.get("haar").askedNear);
    assertEquals(List.of(0L), offered.get("haar-alt2").askedNear);
    assertEquals(List.of(), offered.get("haar-profile").asked);
    // a whole frame is asked about as one
    links.detect(photo("sample2.jpg"));
    assertEquals(List.of(0L), offered.get("haar").askedNear);
  }

  @Test
  void noFaceAnywhereAsksEveryLinkAndGivesNone() {
    ChainLinks links = chain("haar,haar-alt,haar-alt2,haar-profile");
    byte[] grey = new byte[320 * 240 * 3];
    java.util.Arrays.fill(grey, (byte) 128);
    assertEquals(List.of(), links.detect(new Frame(7, 0, 320, 240, grey)));
    offered.forEach((id, d) -> assertEquals(List.of(7L), d.asked, id));
  }

  @Test
  void theChainFindsAtLeastAsManyFacesAsHaarAloneOnEveryPhoto() {
    ChainLinks links = chain("haar,haar-alt,haar-alt2,haar-profile");
    CascadeDetector haar = CASCADES.get(Cascade.FRONTAL_DEFAULT);
    int chainTotal = 0;
    int haarTotal = 0;
    for (String name : PHOTOS) {
      Frame frame = photo(name);
      int byChain = links.detect(frame).size();
      int byHaar = haar.detect(frame).size();
      assertTrue(byChain >= byHaar, name + ": chain " + byChain + " < haar " + byHaar);
      chainTotal += byChain;
      haarTotal += byHaar;
    }
    // 14 faces by haar; the chain adds the one alt2 finds on sample2
    assertEquals(14, haarTotal);
    assertEquals(15, chainTotal);
  }

  @Test
  void everyShippedCascadeLoadsAndFindsAFaceOnTheShippedPhotos() {
    for (Cascade c : Cascade.values()) {
      long found = PHOTOS.stream().mapToLong(p -> CASCADES.get(c).detect(photo(p)).size()).sum();
      assertTrue(found > 0, c.id + " found no face on the six photos");
    }
  }

  @Test
  void badLinksAreRefusedNamingPidKeyAndValue() {
    Map<String, FaceDetector> some = Map.of("haar", CASCADES.get(Cascade.FRONTAL_DEFAULT)::detect);
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> ChainLinks.of(new String[] {"haar,nope"}, some));
    assertEquals(
        "mirror.detector.chain: links = 'haar,nope' names 'nope', which is no detector id (available: haar)",
        unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChainLinks.of(new String[] {"haar,chain"}, some));
    assertThrows(IllegalArgumentException.class, () -> ChainLinks.of(new String[] {"haar, haar"}, some));
    assertThrows(IllegalArgumentException.class, () -> ChainLinks.of(new String[] {"haar,,"}, some));
    assertThrows(IllegalArgumentException.class, () -> ChainLinks.of(new String[] {}, some));
    // a list from a typed configuration and a comma string from a .cfg file mean the same
    assertEquals(List.of("haar"), ChainLinks.of(new String[] {" haar "}, some).ids());
  }

  @Test
  void aLinkToThisBundlesOwnDetectorThatIsNotThereYetIsLeftOutNotRefused() {
    // e.g. haar failed on a bad value of its own (and says so) or registers after the chain;
    // likewise lbp, the example detector the distribution ships in a bundle of its own
    Map<String, FaceDetector> some = Map.of("haar-alt", CASCADES.get(Cascade.FRONTAL_ALT)::detect);
    ChainLinks links = ChainLinks.of(new String[] {"haar,haar-alt,lbp"}, some);
    assertEquals(List.of("haar-alt"), links.ids());
    assertEquals(1, links.detectors().size());
    // an id that is no detector of this bundle is still refused at once
    assertThrows(IllegalArgumentException.class, () -> ChainLinks.of(new String[] {"haar,blazeface"}, some));
  }

  @Test
  void theComponentKeepsItsLinksWhenAChangeIsInvalid() {
    List<String> errors = new ArrayList<>();
    List<Map.Entry<Map<String, ?>, FaceDetector>> services = new ArrayList<>();
    for (Cascade c : Cascade.values()) {
      FaceDetector d = CASCADES.get(c)::detect;
      services.add(Map.entry(Map.of(FaceDetector.ID, c.id), d));
    }
    ChainDetector chain =
        new ChainDetector(TestDetectors.chain("haar", "haar-alt"), services, TestDetectors.logger(errors));
    assertEquals(List.of("haar", "haar-alt"), chain.links());
    chain.modified(TestDetectors.chain("haar-alt2,haar-profile"));
    assertEquals(List.of("haar-alt2", "haar-profile"), chain.links());
    chain.modified(TestDetectors.chain("haar-alt2,blazefaec"));
    assertEquals(List.of("haar-alt2", "haar-profile"), chain.links());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("links = 'haar-alt2,blazefaec' names 'blazefaec'"), errors.get(0));
    // still working with the kept links: alt2 finds one face of sample2, the profile is not asked
    List<Face> faces = chain.detect(photo("sample2.jpg"));
    assertEquals(1, faces.size(), faces.toString());
    assertEquals("haar-alt2", faces.get(0).foundBy());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ChainDetector(TestDetectors.chain("haar,x"), services, TestDetectors.logger(errors)));
    assertTrue(e.getMessage().startsWith(HaarDetectors.CHAIN_PID + ": links = 'haar,x'"), e.getMessage());
  }

  /** The boxes in reading order: OpenCV's own order varies between runs (it runs threads). */
  private static List<Box> boxes(List<Face> faces) {
    return faces.stream()
        .map(Face::box)
        .sorted(java.util.Comparator.comparingInt(Box::x).thenComparingInt(Box::y))
        .toList();
  }
}
