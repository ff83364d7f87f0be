package org.expressionmirror.launch.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The running feature's configurations and locked keys ({@link FeatureSettings}, handed over by
 * the launcher) in force through Config Admin. The launcher names this plugin in {@code
 * felix.cm.config.plugins} when the feature has configurations, so Felix Config Admin offers its
 * service (and configures nothing) until this plugin is registered: no component ever runs with a
 * configuration the feature changes, whatever order the bundles start in. It therefore must not
 * need Config Admin to start; it is told when Config Admin comes.
 */
@Component(
    immediate = true,
    service = ConfigurationPlugin.class,
    property = {
      // after the other plugins (KeepLastGoodConfiguration ranks 0): the feature has the last word
      ConfigurationPlugin.CM_RANKING + ":Integer=1000",
      "config.plugin.id=" + FeatureConfigurationsComponent.PLUGIN_ID
    })
public final class FeatureConfigurationsComponent implements ConfigurationPlugin {
  /** The id the launcher names in {@code felix.cm.config.plugins}. */
  public static final String PLUGIN_ID = "mirror.feature";

  private final FeatureConfigurations plugin;

  @Activate
  public FeatureConfigurationsComponent(
      BundleContext context,
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)") IntConsumer exit) {
    this.plugin = create(context, exit);
  }

  private static FeatureConfigurations create(BundleContext context, IntConsumer exit) {
    try {
      FeatureSettings s = FeatureSettings.from(context::getProperty);
      return new FeatureConfigurations(s.values(), s.locked());
    } catch (IOException e) {
      // the launcher wrote it from a checked feature. A variant that cannot be applied must not
      // run as another one (its locked settings editable): the program stops (exit 2). Config
      // Admin still comes up meanwhile (it waits for this plugin), with nothing of the feature.
      String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      System.err.println(
          "error: the feature's configurations (" + FeatureSettings.CONFIGURATIONS + ") do not parse: " + why
              + "; the variant is not run");
      if (exit != null) {
        exit.accept(2);
      }
      return new FeatureConfigurations(Map.of(), Set.of());
    }
  }

  @Override
  public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
    plugin.modifyConfiguration(reference, properties);
  }

  /** Config Admin is up: PIDs nothing configured yet get the feature's values. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindConfigurationAdmin(ConfigurationAdmin admin) {
    plugin.configAdminStarted(admin);
  }

  void unbindConfigurationAdmin(ConfigurationAdmin admin) {
    // nothing to release: the writer skips its work once Config Admin has stopped
  }

  @Deactivate
  void deactivate() {
    plugin.close();
  }
}
