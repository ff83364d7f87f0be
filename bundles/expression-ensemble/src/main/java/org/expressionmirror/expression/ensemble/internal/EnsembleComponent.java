package org.expressionmirror.expression.ensemble.internal;

import java.util.Map;
import java.util.Arrays;
import java.util.Hashtable;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Precedence;
import org.expressionmirror.expression.ensemble.Ensembles;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One ensemble per {@code mirror.ensemble} factory configuration. It sees every expression model
 * (dynamic, so models coming and going never restart it) and registers its own {@link
 * ExpressionModel} while all members are there. A broken configuration change is refused with a
 * message and the previous ensemble stays.
 */
@Component(
    configurationPid = Ensembles.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {})
@Designate(ocd = EnsembleConfig.class, factory = true)
public final class EnsembleComponent {
  private final Logger logger;
  private final EnsembleMembers members;

  @Activate
  public EnsembleComponent(
      BundleContext context, EnsembleConfig config, @Reference(service = LoggerFactory.class) Logger logger) {
    this.logger = logger;
    EnsembleSpec spec;
    try {
      spec = spec(config);
    } catch (IllegalArgumentException e) {
      logger.error(e.getMessage());
      throw e;
    }
    this.members = new EnsembleMembers(spec, new Registrar(context), logger::info);
  }

  @Reference(
      service = ExpressionModel.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addModel(ServiceReference<ExpressionModel> ref, ExpressionModel model, Map<String, Object> props) {
    members.add(ref, (String) ref.getProperty(ExpressionModel.ID), model, Precedence.of(props));
  }

  void removeModel(ServiceReference<ExpressionModel> ref) {
    members.remove(ref);
  }

  @Modified
  void modified(EnsembleConfig config) {
    try {
      members.reconfigure(spec(config));
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the previous ensemble configuration", e.getMessage());
    }
  }

  @Deactivate
  void deactivate() {
    members.close();
  }

  private static EnsembleSpec spec(EnsembleConfig config) {
    return EnsembleSpec.of(config.id(), config.members(), config.weights());
  }

  private record Registrar(BundleContext context) implements EnsembleMembers.Registrar {
    @Override
    public Object register(EnsembleModel model, EnsembleSpec spec) {
      Hashtable<String, Object> props = new Hashtable<>();
      props.put(ExpressionModel.ID, model.info().id());
      props.put(ExpressionModel.VERSION, model.info().version());
      props.put(Ensembles.MEMBERS, spec.members().toArray(String[]::new));
      props.put(Ensembles.WEIGHTS, Arrays.stream(spec.weights()).mapToObj(Double::toString).toArray(String[]::new));
      return context.registerService(ExpressionModel.class, model, props);
    }

    @Override
    public void unregister(Object registration) {
      try {
        ((ServiceRegistration<?>) registration).unregister();
      } catch (IllegalStateException e) {
        // Already gone with the bundle.
      }
    }
  }
}
