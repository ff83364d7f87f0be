package org.expressionmirror.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The text of {@code mirror:detectors}, {@code mirror:models} and {@code mirror:smoothers}. */
final class OfferText {
  private OfferText() {}

  /** One line per component; {@code *} marks the one in use. */
  static String plain(Kind kind, List<Offer> offers, String inUse) {
    StringBuilder s = new StringBuilder(header(kind, offers, inUse));
    for (Offer o : offers) {
      s.append(row(o, inUse)).append('\n');
    }
    return s.toString().stripTrailing();
  }

  /** As {@link #plain}, and under each model its golden-check result and provenance. */
  static String models(List<Offer> offers, String inUse, Function<Offer, String> source) {
    StringBuilder s = new StringBuilder(header(Kind.MODEL, offers, inUse));
    for (Offer o : offers) {
      s.append(row(o, inUse)).append('\n');
      s.append("      golden   ").append(Golden.of(o.property("model.description"))).append('\n');
      s.append("      source   ").append(orDash(source.apply(o))).append('\n');
      if (!o.property("model.licence").isEmpty()) {
        s.append("      licence  ").append(o.property("model.licence")).append('\n');
      }
      if (!o.property("model.bundle").isEmpty()) {
        s.append("      from     model bundle ").append(o.property("model.bundle")).append('\n');
      } else if (!o.property("model.description").isEmpty()) {
        s.append("      from     ").append(o.property("model.description")).append('\n');
      }
    }
    return s.toString().stripTrailing();
  }

  private static String header(Kind kind, List<Offer> offers, String inUse) {
    return offers.size() + " " + kind.word + (offers.size() == 1 ? "" : "s") + " on offer"
        + (inUse.isEmpty() ? "" : " (* in use)") + ":\n";
  }

  private static String row(Offer o, String inUse) {
    return String.format(
        Locale.ROOT, "  %s %-24s %-14s %s%s",
        o.id().equals(inUse) ? "*" : " ", o.id(), o.version().isEmpty() ? "-" : o.version(), o.bundle(),
        o.ranking() == 0 ? "" : " (ranking " + o.ranking() + ")");
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
