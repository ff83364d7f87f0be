package org.expressionmirror.evaluation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Two models on the same images (the same face box for both).
 *
 * @param model the first model ({@code --model})
 * @param compare the second model ({@code --compare})
 * @param images images both models were asked about
 * @param accuracy the first model's accuracy
 * @param compareAccuracy the second model's accuracy
 * @param agree images where both predicted the same label (a missed face counts as the same)
 * @param agreement agree / images
 * @param bothRight images both got right
 * @param bothWrong images both got wrong
 * @param onlyModelRight images only the first got right (McNemar's b)
 * @param onlyCompareRight images only the second got right (McNemar's c)
 * @param discordant the images exactly one got right, with both predictions
 * @param mcnemar McNemar's test on b and c
 */
record Comparison(
    String model,
    String compare,
    long images,
    double accuracy,
    double compareAccuracy,
    long agree,
    double agreement,
    long bothRight,
    long bothWrong,
    long onlyModelRight,
    long onlyCompareRight,
    List<Discordant> discordant,
    McNemar mcnemar) {

  /** An image exactly one model got right. */
  record Discordant(String image, String truth, String model, String compare) {}

  /** Pairs the two prediction lists, which must be of the same images in the same order. */
  static Comparison of(String model, String compare, List<Prediction> a, List<Prediction> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("predictions of different image counts: " + a.size() + " and " + b.size());
    }
    long agree = 0;
    long bothRight = 0;
    long bothWrong = 0;
    long onlyA = 0;
    long onlyB = 0;
    List<Discordant> discordant = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Prediction pa = a.get(i);
      Prediction pb = b.get(i);
      if (!pa.image().equals(pb.image())) {
        throw new IllegalArgumentException("image " + i + " differs: " + pa.image() + " and " + pb.image());
      }
      if (java.util.Objects.equals(pa.predicted(), pb.predicted())) {
        agree++;
      }
      if (pa.right() && pb.right()) {
        bothRight++;
      } else if (!pa.right() && !pb.right()) {
        bothWrong++;
      } else {
        if (pa.right()) {
          onlyA++;
        } else {
          onlyB++;
        }
        discordant.add(new Discordant(pa.image(), pa.truth(), pa.predicted(), pb.predicted()));
      }
    }
    long n = a.size();
    return new Comparison(
        model,
        compare,
        n,
        n == 0 ? 0 : (double) (bothRight + onlyA) / n,
        n == 0 ? 0 : (double) (bothRight + onlyB) / n,
        agree,
        n == 0 ? 0 : (double) agree / n,
        bothRight,
        bothWrong,
        onlyA,
        onlyB,
        List.copyOf(discordant),
        McNemar.of(onlyA, onlyB));
  }
}
