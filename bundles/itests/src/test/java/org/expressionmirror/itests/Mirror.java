package org.expressionmirror.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.ResultListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What a test does with the running program, from inside the framework: configure it through
 * Config Admin, play a source, listen to results and to the log. {@link #close} undoes it.
 */
final class Mirror implements AutoCloseable {
  static final String PIPELINE = "mirror.pipeline";
  static final String SOURCE = "mirror.source";
  static final String HAAR = "mirror.detector.haar";
  static final String EMA = "mirror.smoother.ema";
  /** The pipeline's component (and service) name; its package is internal, so by name only. */
  static final String PIPELINE_COMPONENT = "org.expressionmirror.pipeline.internal.PipelineComponent";
  private static final long SERVICE_WAIT_MS = 60_000;

  private final BundleContext context;
  private final Map<Object, ServiceRegistration<?>> registrations = new LinkedHashMap<>();
  private final List<Runnable> cleanups = new ArrayList<>();
  private int runs;

  Mirror(Object test) {
    this.context = FrameworkUtil.getBundle(test.getClass()).getBundleContext();
  }

  BundleContext context() {
    return context;
  }

  <S> S service(Class<S> type) throws InterruptedException {
    ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
    tracker.open();
    cleanups.add(tracker::close);
    S s = tracker.waitForService(SERVICE_WAIT_MS);
    if (s == null) {
      throw new AssertionError("no " + type.getName() + " service within " + SERVICE_WAIT_MS + " ms");
    }
    return s;
  }

  /** Changes some keys of a configuration and keeps the others; a null value removes a key. */
  void configure(String pid, Map<String, ?> changes) throws IOException, InterruptedException {
    Configuration c = service(ConfigurationAdmin.class).getConfiguration(pid, "?");
    Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            p.remove(k);
          } else {
            p.put(k, v);
          }
        });
    c.update(p);
  }

  /**
   * Waits until the pipeline component runs with these configuration values, as Declarative
   * Services reports them; fails after {@code timeoutMs}.
   */
  void awaitPipeline(Map<String, String> expected, long timeoutMs) throws InterruptedException {
    awaitComponent(PIPELINE_COMPONENT, expected, timeoutMs);
  }

  /** Waits until an active configuration of the named component has these values. */
  void awaitComponent(String name, Map<String, String> expected, long timeoutMs)
      throws InterruptedException {
    ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
    long deadline = System.currentTimeMillis() + timeoutMs;
    Map<String, Object> seen = Map.of();
    while (System.currentTimeMillis() < deadline) {
      for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
        if (!d.name.equals(name)) {
          continue;
        }
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
          seen = c.properties;
          Map<String, Object> props = c.properties;
          if (c.state == ComponentConfigurationDTO.ACTIVE
              && expected.entrySet().stream()
                  .allMatch(e -> Objects.equals(e.getValue(), String.valueOf(props.get(e.getKey()))))) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + " did not take " + expected + " within " + timeoutMs + " ms; has " + seen);
  }

  /** Registers a result listener for the test; unregistered by {@link #close}. */
  Recorder listen(long pauseMsPerFrame) {
    Recorder r = new Recorder(pauseMsPerFrame);
    registrations.put(r, context.registerService(ResultListener.class, r, null));
    return r;
  }

  /** Unregisters a listener, so it hears nothing of later runs. */
  void unlisten(Recorder r) {
    ServiceRegistration<?> reg = registrations.remove(r);
    if (reg != null) {
      reg.unregister();
    }
  }

  /** Registers a listener to the OSGi log; removed by {@link #close}. */
  LogRecorder log() throws InterruptedException {
    LogReaderService reader = service(LogReaderService.class);
    LogRecorder r = new LogRecorder();
    reader.addLogListener(r);
    cleanups.add(() -> reader.removeLogListener(r));
    return r;
  }

  /**
   * Starts a run over a file source as fast as it can be processed (not paced, nothing dropped).
   * Each call is a new {@code mirror.source} configuration, hence a new run.
   */
  void play(Path source) throws IOException, InterruptedException {
    Dictionary<String, Object> p = new Hashtable<>();
    p.put("source", source.toString());
    p.put("realtime", Boolean.FALSE);
    p.put("exitAtEnd", Boolean.FALSE);
    p.put("itests.run", ++runs); // a changed value even when the source is the same
    service(ConfigurationAdmin.class).getConfiguration(SOURCE, "?").update(p);
  }

  /** The service id of the pipeline component: a new one would mean it was re-created. */
  long pipelineServiceId() {
    ServiceReference<?> ref = context.getServiceReference(PIPELINE_COMPONENT);
    if (ref == null) {
      throw new AssertionError("the pipeline component is not registered");
    }
    return (Long) ref.getProperty(Constants.SERVICE_ID);
  }

  /** The model service with this id, waiting for it to be registered (models warm up first). */
  ExpressionModel model(String id) throws InterruptedException, InvalidSyntaxException {
    ServiceTracker<ExpressionModel, ExpressionModel> tracker =
        new ServiceTracker<>(
            context, context.createFilter("(&(objectClass=" + ExpressionModel.class.getName() + ")(" + ExpressionModel.ID + "=" + id + "))"), null);
    tracker.open();
    cleanups.add(tracker::close);
    ExpressionModel m = tracker.waitForService(SERVICE_WAIT_MS);
    if (m == null) {
      throw new AssertionError("model " + id + " was not registered within " + SERVICE_WAIT_MS + " ms");
    }
    return m;
  }

  /** Ends the run (removes the source configuration), the listeners and the trackers. */
  @Override
  public void close() throws Exception {
    ConfigurationAdmin ca = service(ConfigurationAdmin.class);
    Configuration[] sources = ca.listConfigurations("(" + Constants.SERVICE_PID + "=" + SOURCE + ")");
    if (sources != null) {
      for (Configuration c : sources) {
        c.delete();
      }
    }
    registrations.values().forEach(ServiceRegistration::unregister);
    registrations.clear();
    cleanups.forEach(Runnable::run);
    cleanups.clear();
  }
}
