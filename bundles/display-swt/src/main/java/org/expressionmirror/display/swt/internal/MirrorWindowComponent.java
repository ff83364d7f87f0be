package org.expressionmirror.display.swt.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ModelInput;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.Smoother;
import org.expressionmirror.api.teach.Teacher;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The mirror window as a service: the pipeline shows each frame through {@link MirrorView}; the
 * window's controls edit configurations through Config Admin. Enabled by {@link DisplayGate} only
 * when there is a display. Closing the window stops the whole program. The view service is
 * registered once the window exists (or could not be made), not at activation: a window run's
 * source waits for it (view.cardinality.minimum), so the window shows the source from frame 0.
 */
@Component(
    name = MirrorWindowComponent.NAME,
    enabled = false,
    immediate = true,
    configurationPid = MirrorWindowComponent.PID,
    service = {ResultListener.class, ConfigurationListener.class})
@Designate(ocd = DisplayConfig.class)
public final class MirrorWindowComponent
    implements MirrorView, ResultListener, ConfigurationListener {
  static final String NAME = "org.expressionmirror.display.swt.window";
  static final String PID = "mirror.display";
  private static final long CLOSE_TIMEOUT_MS = 5_000;

  private final BundleContext context;
  private final Choices choices = new Choices();
  private final ExecutorService configWork =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "mirror-window-config"));
  private final Controls controls;
  private final WindowThread ui;
  private volatile ConfigurationAdmin configAdmin;
  /** Teach mode's service (the training bundle), when the variant has it. */
  private volatile Teacher teacher;
  private volatile boolean deactivating;
  /**
   * "Show what the model sees", as configured; told to the pipeline as the view's {@link
   * MirrorView#MODEL_INPUT} property, so the models' inputs are made only while it is on.
   */
  private volatile boolean modelInput;
  /**
   * The newest frame, kept for a window that is still being built when it arrives (its pixels
   * copied: the pipeline lends them only during {@code show}).
   */
  private final AtomicReference<FrameSlot.Shown> newest = new AtomicReference<>();
  /**
   * A failure or end that came before the window was built (a camera that cannot open fails at
   * once); shown when the window opens, after the newest frame (whose repaint would clear it).
   * Not cleared by frames: the pipeline replays its last frame to a view that registers late.
   */
  private final AtomicReference<Consumer<MirrorWindow>> pendingMessage = new AtomicReference<>();
  private final AtomicReference<ServiceRegistration<MirrorView>> viewRegistration = new AtomicReference<>();

  @Activate
  public MirrorWindowComponent(
      BundleContext context,
      DisplayConfig config,
      // a constructor parameter: the window thread started here may fail before fields are set
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)")
          IntConsumer exit) {
    this.context = context;
    this.modelInput = config.modelInput();
    ShownTiming timing = ShownTiming.of(context);
    controls = new Controls(new ConfigAdminStore(() -> configAdmin), Locks.from(context));
    ui =
        new WindowThread(
                display ->
                    new MirrorWindow(
                        display,
                        config.mirrored(),
                        config.onlyMyFace(),
                        controls,
                        choices,
                        configWork,
                        () -> teacher,
                        this::windowClosed,
                        timing),
                failure -> {
                  System.err.println(failure);
                  // without its window a window run has nothing to show and would never end
                  // (a camera never does; a file would sit at its end): it ends, as a fail-fast
                  // start-up error does, with exit code 2
                  if (exit != null) {
                    exit.accept(2);
                  } else {
                    windowClosed();
                  }
                })
            .onOpen(
                w -> {
                  w.setModelInput(modelInput);
                  showNewest(w);
                  configWork.execute(this::registerView);
                })
            .start();
    configWork.execute(this::refreshSource);
  }

  @Modified
  void modified(DisplayConfig config) {
    MirrorWindow w = ui.window();
    if (w != null) {
      w.setView(config.mirrored(), config.onlyMyFace());
      w.setModelInput(config.modelInput());
    }
    if (config.modelInput() != modelInput) {
      modelInput = config.modelInput();
      // off the caller's thread: the pipeline may read the model's input again for the newest frame
      configWork.execute(this::updateViewProperties);
    }
  }

  /** The view's properties: whether it wants the models' inputs. */
  private Hashtable<String, Object> viewProperties() {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(MirrorView.MODEL_INPUT, modelInput);
    // the window copies the pixels it paints later (MirrorWindow.offer): frame arrays are reused
    props.put(MirrorView.COPIES_PIXELS, true);
    return props;
  }

  private void updateViewProperties() {
    ServiceRegistration<MirrorView> view = viewRegistration.get();
    if (view != null) {
      try {
        view.setProperties(viewProperties());
      } catch (IllegalStateException e) {
        // unregistered meanwhile: the window is closing
      }
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    deactivating = true;
    ServiceRegistration<MirrorView> view = viewRegistration.getAndSet(null);
    if (view != null) {
      try {
        view.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the bundle is stopping and took it along
      }
    }
    ui.close(CLOSE_TIMEOUT_MS);
    configWork.shutdownNow();
  }

  @Override
  public void show(Frame frame, FrameResult result) {
    offer(new FrameSlot.Shown(frame, result));
  }

  /** With what the model was fed: only the window sees it, and keeps it only to draw it. */
  @Override
  public void show(Frame frame, FrameResult result, Map<Integer, List<ModelInput>> inputs) {
    offer(new FrameSlot.Shown(frame, result, inputs));
  }

  private void offer(FrameSlot.Shown lent) {
    MirrorWindow w = ui.window();
    if (w == null) {
      // kept first, then told: a window that opens in between shows it from showNewest
      Frame f = lent.frame();
      newest.set(lent.with(new Frame(f.index(), f.timeMs(), f.width(), f.height(), f.bgr().clone(), f.name())));
      w = ui.window();
    }
    if (w != null) {
      w.offer(lent);
    }
  }

  /** Offers this component as the view; off the UI thread, since binding may start the source. */
  private void registerView() {
    if (deactivating || viewRegistration.get() != null) {
      return;
    }
    try {
      viewRegistration.set(context.registerService(MirrorView.class, this, viewProperties()));
    } catch (IllegalStateException e) {
      // the bundle is stopping
    }
  }

  /** A photo source may be processed before the window exists: show what came meanwhile. */
  private void showNewest(MirrorWindow w) {
    FrameSlot.Shown shown = newest.get();
    if (shown != null) {
      w.offer(shown);
    }
    Consumer<MirrorWindow> message = pendingMessage.getAndSet(null);
    if (message != null) {
      message.accept(w);
    }
  }

  /**
   * Tells the window, or keeps it for the window being built. Kept first, then told: a window
   * that opens in between shows it from {@link #showNewest}, at worst twice, never not at all.
   */
  private void tell(Consumer<MirrorWindow> message) {
    pendingMessage.set(message);
    MirrorWindow w = ui.window();
    if (w != null) {
      pendingMessage.compareAndSet(message, null);
      message.accept(w);
    }
  }

  @Override
  public void sourceFailed(String message) {
    tell(w -> w.sourceFailed(message));
  }

  @Override
  public void onResult(FrameResult result) {
    // Frames and their results arrive together through show().
  }

  @Override
  public void onEnd(RunSummary summary) {
    tell(w -> w.ended(summary));
  }

  @Override
  public void configurationEvent(ConfigurationEvent event) {
    if (Controls.SOURCE.equals(event.getPid())) {
      configWork.execute(this::refreshSource);
    }
  }

  private void refreshSource() {
    String source;
    try {
      source = controls.source().orElse(Controls.DEFAULT_SOURCE);
    } catch (Exception e) {
      source = "?";
    }
    MirrorWindow w = ui.window();
    if (w != null) {
      w.setSource(source);
    } else if (ui.isAlive()) {
      // The window is still being built: try again shortly, off the pipeline's threads.
      configWork.execute(this::refreshSourceLater);
    }
  }

  private void refreshSourceLater() {
    try {
      Thread.sleep(100);
      refreshSource();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The user closed the window: stop the framework, from a thread that is not the UI thread. */
  private void windowClosed() {
    if (deactivating) {
      return;
    }
    Thread stopper =
        new Thread(
            () -> {
              try {
                context.getBundle(0).stop();
              } catch (BundleException | IllegalStateException e) {
                System.err.println("mirror window: could not stop the program: " + e.getMessage());
              }
            },
            "mirror-stop");
    stopper.start();
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  void bindConfigAdmin(ConfigurationAdmin admin) {
    configAdmin = admin;
  }

  void unbindConfigAdmin(ConfigurationAdmin admin) {
    if (configAdmin == admin) {
      configAdmin = null;
    }
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  void bindTeacher(Teacher t) {
    teacher = t;
  }

  void unbindTeacher(Teacher t) {
    if (teacher == t) {
      teacher = null;
    }
  }

  @Reference(
      service = FaceDetector.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC)
  void addDetector(ServiceReference<FaceDetector> ref) {
    choices.add(Choices.Kind.DETECTOR, ref, ref.getProperty(FaceDetector.ID));
  }

  void removeDetector(ServiceReference<FaceDetector> ref) {
    choices.remove(Choices.Kind.DETECTOR, ref);
  }

  @Reference(
      service = ExpressionModel.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC)
  void addModel(ServiceReference<ExpressionModel> ref) {
    choices.add(Choices.Kind.MODEL, ref, ref.getProperty(ExpressionModel.ID));
  }

  void removeModel(ServiceReference<ExpressionModel> ref) {
    choices.remove(Choices.Kind.MODEL, ref);
  }

  @Reference(
      service = Smoother.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC)
  void addSmoother(ServiceReference<Smoother> ref) {
    choices.add(Choices.Kind.SMOOTHER, ref, ref.getProperty(Smoother.ID));
  }

  void removeSmoother(ServiceReference<Smoother> ref) {
    choices.remove(Choices.Kind.SMOOTHER, ref);
  }
}
