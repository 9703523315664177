package org.sanctuary.common.runtime;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientRequestMetricsTest {

    /** Without the filter, Prometheus refuses the second set of tag keys, and those calls never reach a scrape. */
    @Test
    void callsWithAndWithoutAServiceIdAreBothCounted() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new ClientRequestMetrics());
        registry.timer(ClientRequestMetrics.NAME, Tags.of("method", "GET", "uri", "/internal/v1/events")).record(Duration.ofMillis(3));
        registry.timer(ClientRequestMetrics.NAME, Tags.of("method", "GET", "uri", "/api/v1/tenancy", "serviceId", "tenants"))
                .record(Duration.ofMillis(2));
        String scraped = registry.scrape();
        assertTrue(scraped.contains("uri=\"/internal/v1/events\""), scraped);
        assertTrue(scraped.contains("uri=\"/api/v1/tenancy\""), scraped);
    }
}
