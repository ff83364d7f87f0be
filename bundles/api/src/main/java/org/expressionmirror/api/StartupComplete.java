package org.expressionmirror.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A marker service, registered once every component that the program starts with has had its
 * chance to register: all bundles started, Declarative Services done with each of their
 * components, the configuration files read. A component id that is missing then will not appear
 * by waiting, so whoever waits for one decides at once instead of waiting out a timeout.
 */
@ProviderType
public interface StartupComplete {}
