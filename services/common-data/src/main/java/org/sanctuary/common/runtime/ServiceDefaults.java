package org.sanctuary.common.runtime;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Adds {@code sanctuary-service.yml} — what every service with a database shares: security, metrics and management,
 * the pools and migrations, the master key — beneath the service's own {@code application.yml}. Micronaut's context
 * builder applies every {@link ApplicationContextConfigurer} on the classpath (the service loader), in a deployed
 * service and in its tests alike; only services have this jar, so the gateway's settings never mix with these.
 */
public final class ServiceDefaults implements ApplicationContextConfigurer {

    static final String RESOURCE = "sanctuary-service.yml";

    /** Beneath application files (-300), the environment (-200) and system properties (-100): any of them overrides it. */
    static final int ORDER = -400;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of(RESOURCE, read(), ORDER));
    }

    /**
     * The file's settings as Micronaut's own YAML loader reads an {@code application.yml}: dotted keys
     * ({@code liquibase.datasources.owner.change-log}), lists kept as values. Its catalogue of property entries (what
     * {@code @EachProperty} reads to find the named datasources and migrations) is built from such keys.
     */
    static Map<String, Object> read() {
        try (InputStream in = ServiceDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new YamlPropertySourceLoader().read(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
