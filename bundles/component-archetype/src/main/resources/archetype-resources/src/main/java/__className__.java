package ${package};

#if( $kind == "detector" )
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
#elseif( $kind == "model" )
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.ModelInfo;
#else
import java.util.List;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;
#end
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

#if( $kind == "detector" )
/**
 * Face detector '${componentId}': a placeholder that reports one square face in the middle of
 * the frame. Replace {@link #detect} with your own detection; keep the contract: boxes in source
 * pixels, the frame is read during the call and never kept, called on the pipeline's thread (one
 * frame at a time, but make it thread-safe if you keep state).
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = ${className}.PID,
    property = {FaceDetector.ID + "=" + ${className}.ID, FaceDetector.VERSION + "=" + ${className}.VERSION})
@Designate(ocd = ${className}Config.class)
public final class ${className} implements FaceDetector {
#elseif( $kind == "model" )
/**
 * Expression model '${componentId}': a placeholder that reads the mean grey level of the face box
 * (bright = happiness, dark = neutral). Replace {@link #classify} with your network; keep the
 * contract: probabilities over canonical labels summing to 1, the frame is read during the call
 * and never kept, anything native you open per call you close before returning.
 */
@Component(
    service = ExpressionModel.class,
    immediate = true,
    configurationPid = ${className}.PID,
    property = {ExpressionModel.ID + "=" + ${className}.ID, ExpressionModel.VERSION + "=" + ${className}.VERSION})
@Designate(ocd = ${className}Config.class)
public final class ${className} implements ExpressionModel {
#else
/**
 * Smoother '${componentId}': an exponential moving average with weight {@code alpha} for the
 * newest reading. The pipeline asks for one {@link Track} per face and calls it on its own thread.
 */
@Component(
    configurationPid = ${className}.PID,
    property = {Smoother.ID + "=" + ${className}.ID, Smoother.VERSION + "=" + ${className}.VERSION})
@Designate(ocd = ${className}Config.class)
public final class ${className} implements Smoother {
#end
  /** The id to select it by in runtime-config/mirror.pipeline.cfg. */
  public static final String ID = "${componentId}";

  /** Shown beside the id in every record and in the window (id@version). */
  public static final String VERSION = "1.0.0";

  /** The Config Admin PID: runtime-config/${pid}.cfg. */
  public static final String PID = "${pid}";

  private final Logger logger;
  // Volatile, not final: replaced by a valid new configuration, kept on an invalid one.
  private volatile ${className}Config config;

  /** Fails, naming PID, key and value, when the configuration is out of range: exit 2 at start. */
  @Activate
  public ${className}(${className}Config config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.config = validate(config);
    this.logger = logger;
  }

  /** A new configuration while running: a bad one is logged and the previous one stays. */
  @Modified
  void modified(${className}Config next) {
    try {
      config = validate(next);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the previous value", e.getMessage());
    }
  }

  static ${className}Config validate(${className}Config config) {
#if( $kind == "detector" )
    if (!(config.boxFraction() > 0 && config.boxFraction() <= 1)) {
      throw new IllegalArgumentException(PID + ": boxFraction must be above 0 and at most 1, got " + config.boxFraction());
    }
#elseif( $kind == "model" )
    if (!(config.brightAbove() >= 0 && config.brightAbove() <= 255)) {
      throw new IllegalArgumentException(PID + ": brightAbove must be from 0 to 255, got " + config.brightAbove());
    }
#else
    if (!(config.alpha() > 0 && config.alpha() <= 1)) {
      throw new IllegalArgumentException(PID + ": alpha must be above 0 and at most 1, got " + config.alpha());
    }
#end
    return config;
  }
#if( $kind == "detector" )

  @Override
  public List<Face> detect(Frame frame) {
    int side = (int) Math.round(Math.min(frame.width(), frame.height()) * config.boxFraction());
    Box box = new Box((frame.width() - side) / 2, (frame.height() - side) / 2, side, side);
    return List.of(new Face(box, 1.0));
  }
#elseif( $kind == "model" )

  @Override
  public ModelInfo info() {
    return new ModelInfo(
        ID, VERSION, List.of("happiness", "neutral"), "none: a placeholder", "yours", "BGR face box, mean grey level");
  }

  @Override
  public Distribution classify(Frame frame, Box box) {
    double grey = meanGrey(frame, box);
    double happiness = grey > config.brightAbove() ? 0.8 : 0.2;
    return new Distribution(Map.of("happiness", happiness, "neutral", 1 - happiness));
  }

  /** Frame pixels are BGR bytes, row after row; read them, never keep them. */
  private static double meanGrey(Frame frame, Box box) {
    Box b = box.clip(frame.width(), frame.height());
    long sum = 0;
    long n = 0;
    for (int y = b.y(); y < b.y() + b.height(); y++) {
      for (int x = b.x(); x < b.x() + b.width(); x++) {
        int i = y * frame.stride() + x * 3;
        sum += (frame.bgr()[i] & 0xff) + (frame.bgr()[i + 1] & 0xff) + (frame.bgr()[i + 2] & 0xff);
        n += 3;
      }
    }
    return n == 0 ? 0 : (double) sum / n;
  }
#else

  @Override
  public Track newTrack() {
    return new Track() {
      private double[] state;
      private List<String> labels;

      @Override
      public Distribution update(double timeMs, Distribution scores) {
        double alpha = config.alpha();
        if (!scores.labels().equals(labels)) {
          // first reading, or another model's labels: start from this one
          labels = scores.labels();
          state = new double[labels.size()];
          alpha = 1;
        }
        double sum = 0;
        for (int i = 0; i < state.length; i++) {
          state[i] = alpha * scores.get(labels.get(i)) + (1 - alpha) * state[i];
          sum += state[i];
        }
        double[] p = new double[state.length];
        for (int i = 0; i < p.length; i++) {
          p[i] = state[i] / sum;
        }
        return Distribution.of(labels, p);
      }
    };
  }
#end
}
