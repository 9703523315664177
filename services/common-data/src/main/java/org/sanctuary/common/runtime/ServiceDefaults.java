package org.sanctuary.common.runtime;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
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
     * The file's settings as dotted keys ({@code liquibase.datasources.owner.change-log}), lists kept as values, as
     * Micronaut's own YAML loader gives them: its catalogue of property entries (what {@code @EachProperty} reads to
     * find the named datasources and migrations) is built from such keys.
     */
    static Map<String, Object> read() {
        try (InputStream in = ServiceDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Object> settings = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", settings, flat);
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> nested, Map<String, Object> flat) {
        nested.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                flatten(prefix + key + ".", (Map<String, Object>) map, flat);
            } else {
                flat.put(prefix + key, value);
            }
        });
    }
}
