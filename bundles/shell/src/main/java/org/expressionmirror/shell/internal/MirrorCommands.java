package org.expressionmirror.shell.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Smoother;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code mirror:} commands of the Gogo shell: what runs, what is on offer, and changing the
 * selection through Config Admin (PID {@code mirror.pipeline}), exactly as an edit of
 * {@code runtime-config/mirror.pipeline.cfg} or the window's menus change it. A bad word or id is
 * refused in one line naming it and what exists, and the selection stays as it was.
 */
@Component(
    service = MirrorCommands.class,
    property = {
      "osgi.command.scope=mirror",
      "osgi.command.function=status",
      "osgi.command.function=detectors",
      "osgi.command.function=models",
      "osgi.command.function=smoothers",
      "osgi.command.function=use",
      "osgi.command.function=compare"
    })
public final class MirrorCommands {
  private static final String OFF = "off";

  private final BundleContext context;
  private final Configs configs;
  private final LastSecond lastSecond;

  @Reference(service = FaceDetector.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  private volatile List<ServiceReference<FaceDetector>> detectors;

  @Reference(service = ExpressionModel.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  private volatile List<ServiceReference<ExpressionModel>> models;

  @Reference(service = Smoother.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  private volatile List<ServiceReference<Smoother>> smoothers;

  @Activate
  public MirrorCommands(
      BundleContext context, @Reference ConfigurationAdmin configAdmin, @Reference LastSecond lastSecond) {
    this.context = context;
    this.configs = new Configs(configAdmin);
    this.lastSecond = lastSecond;
  }

  @Descriptor("what runs: source, components in use (id@version), frames per second and stage times of the last second")
  public String status() throws IOException {
    return StatusText.of(
        configs.read(Configs.SOURCE), configs.read(Configs.PIPELINE), lastSecond.snapshot(System.nanoTime()));
  }

  @Descriptor("the face detectors on offer: id, version, bundle")
  public String detectors() throws IOException {
    return OfferText.plain(Kind.DETECTOR, offers(Kind.DETECTOR), inUse(Kind.DETECTOR));
  }

  @Descriptor("the expression models on offer: id, version, golden-check result, provenance")
  public String models() throws IOException {
    return OfferText.models(offers(Kind.MODEL), inUse(Kind.MODEL), this::source);
  }

  @Descriptor("the smoothers on offer: id, version, bundle")
  public String smoothers() throws IOException {
    return OfferText.plain(Kind.SMOOTHER, offers(Kind.SMOOTHER), inUse(Kind.SMOOTHER));
  }

  @Descriptor("selects a component by id through Config Admin (mirror.pipeline), like the file")
  public String use(
      @Descriptor("detector, model or smoother") String kind, @Descriptor("an id on offer") String id)
      throws IOException {
    Kind k = Kind.of(kind, "use");
    String before = String.valueOf(configs.read(Configs.PIPELINE).getOrDefault(k.word, "(default)"));
    configs.set(Configs.PIPELINE, k.word, offered(k, id, "use " + kind));
    return k.word + ": " + before + " -> " + id
        + " (mirror.pipeline through Config Admin; the switch happens between two frames)";
  }

  @Descriptor("compare mode: a second model or detector (B) beside the first, or off")
  public String compare(
      @Descriptor("model or detector") String kind, @Descriptor("an id on offer, or off") String id)
      throws IOException {
    Kind k = Kind.of(kind, "compare");
    if (k == Kind.SMOOTHER) {
      throw new IllegalArgumentException("compare: 'smoother' cannot be compared, only model or detector; the selection is unchanged");
    }
    String key = "compare." + k.word;
    String value = OFF.equals(id) ? "" : offered(k, id, "compare " + kind);
    configs.set(Configs.PIPELINE, key, value);
    return key + " = " + (value.isEmpty() ? "off" : value) + " (mirror.pipeline through Config Admin)";
  }

  /** {@code id} when a component of that kind offers it; else one line listing the ids there are. */
  private String offered(Kind kind, String id, String command) {
    List<String> ids = Offer.ids(offers(kind));
    if (!ids.contains(id)) {
      throw new IllegalArgumentException(
          command + " " + id + ": unknown " + kind.word + " id '" + id + "' (available: "
              + String.join(", ", ids) + "); the selection is unchanged");
    }
    return id;
  }

  private List<Offer> offers(Kind kind) {
    return switch (kind) {
      case DETECTOR -> Offer.all(kind, detectors);
      case MODEL -> Offer.all(kind, models);
      case SMOOTHER -> Offer.all(kind, smoothers);
    };
  }

  /** The id that made the newest frame, else the configured one. */
  private String inUse(Kind kind) throws IOException {
    LastSecond.Seen newest = lastSecond.snapshot(System.nanoTime()).newest();
    if (newest != null) {
      String label = switch (kind) {
        case DETECTOR -> newest.detector();
        case MODEL -> newest.model();
        case SMOOTHER -> newest.smoother();
      };
      int at = label.indexOf('@');
      return at < 0 ? label : label.substring(0, at);
    }
    return String.valueOf(configs.read(Configs.PIPELINE).getOrDefault(kind.word, ""));
  }

  /**
   * Where a model's weights come from: its service property when it has one (the ONNX models),
   * else what the model itself says (the ensemble).
   */
  private String source(Offer model) {
    String source = model.property("model.source");
    if (!source.isEmpty()) {
      return source;
    }
    for (ServiceReference<ExpressionModel> ref : List.copyOf(models == null ? List.of() : models)) {
      if (model.id().equals(String.valueOf(ref.getProperty(ExpressionModel.ID)))) {
        ExpressionModel m = context.getService(ref);
        try {
          return m == null ? "" : m.info().source();
        } finally {
          context.ungetService(ref);
        }
      }
    }
    return "";
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String text(Map<String, Object> config, String key, String otherwise) {
    Object v = config.get(key);
    return v == null || v.toString().isBlank() ? otherwise : v.toString();
  }
}
