package org.sanctuary.common.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings every service shares come from one file, beneath whatever the service or its environment says. */
class ServiceDefaultsTest {

    @Test
    void everyContextBuiltHasTheSharedSettings() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment env = context.getEnvironment().start(); // the settings only: no bean, so no pool to a database
            assertEquals("bearer", env.getProperty("micronaut.security.authentication", String.class).orElseThrow());
            assertEquals("/health/**", env.getProperty("micronaut.security.intercept-url-map[0].pattern", String.class).orElseThrow());
            assertEquals("POSTGRES", env.getProperty("datasources.default.dialect", String.class).orElseThrow());
            assertEquals("classpath:db/changelog/db.changelog-master.yaml",
                    env.getProperty("liquibase.datasources.owner.change-log", String.class).orElseThrow());
            // what @EachProperty reads to find the migrations to run: without it, no Liquibase bean, no schema
            assertEquals(java.util.Set.of("owner"), env.getPropertyEntries("liquibase.datasources"));
        }
    }

    @Test
    void aServicesOwnSettingWins() {
        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(PropertySource.of("a service's application.yml", Map.of("micronaut.server.max-request-size", "1900MB"), -300))
                .build()) {
            assertEquals("1900MB", context.getEnvironment().start().getProperty("micronaut.server.max-request-size", String.class)
                    .orElseThrow());
        }
    }

    @Test
    void theFileHoldsNoServicesOwnSettings() {
        Map<String, Object> shared = ServiceDefaults.read();
        assertTrue(shared.containsKey("micronaut.security.authentication") && shared.containsKey("datasources.default.dialect"),
                shared.keySet().toString());
        assertTrue(shared.keySet().stream().noneMatch(key -> key.startsWith("micronaut.application.")), "a service names itself");
        for (String source : List.of("default", "owner")) {
            assertTrue(!shared.containsKey("datasources." + source + ".url") && !shared.containsKey("datasources." + source + ".username"),
                    "each service has its own database and roles");
        }
    }
}
