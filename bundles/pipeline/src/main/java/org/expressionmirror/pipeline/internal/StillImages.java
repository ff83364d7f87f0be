package org.expressionmirror.pipeline.internal;

import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.expressionmirror.api.StillImageReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads single images with the components the pipeline would pick for its next frame: the same
 * catalog, the same settings and the same rule (the configured id, else the default, else the
 * best ranked), so an image sent from outside and a camera frame are read alike.
 */
@Component(service = StillImageReader.class)
public final class StillImages implements StillImageReader {
  private final PipelineComponent pipeline;

  @Activate
  public StillImages(@Reference PipelineComponent pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public FrameResult read(Frame image) {
    Settings s = pipeline.settings();
    Settings defaults = Settings.defaults();
    // a new selector per image: nothing carries over from one image to the next; the running
    // pipeline already reports a configured id that is missing, so this one stays quiet
    Selector<FaceDetector> detectors =
        new Selector<>(pipeline.detectors(), defaults.detector(), message -> {});
    Selector<ExpressionModel> models = new Selector<>(pipeline.models(), defaults.model(), message -> {});
    Chosen<FaceDetector> detector =
        detectors
            .resolve(s.detector(), s.detectorFilter())
            .orElseThrow(() -> new IllegalStateException(detectors.unavailable(s.detector(), s.detectorFilter())));
    Chosen<ExpressionModel> model =
        models
            .resolve(s.model(), s.modelFilter())
            .orElseThrow(() -> new IllegalStateException(models.unavailable(s.model(), s.modelFilter())));
    long t0 = System.nanoTime();
    List<Face> found = detector.service().detect(image);
    long t1 = System.nanoTime();
    List<FaceResult> faces = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Face face = found.get(i);
      // as a frame of a run says it: which link of a chain found the face, the configured threshold
      faces.add(new FaceResult(
          i + 1, face.box(), model.service().classify(image, face.box()), null, face.foundBy(), s.labelThreshold()));
    }
    long t2 = System.nanoTime();
    return new FrameResult(
        image.index(),
        image.timeMs(),
        detector.label(),
        model.label(),
        "",
        faces,
        new StageTimes(0, (t1 - t0) / 1e6, (t2 - t1) / 1e6, 0),
        image.name());
  }
}
