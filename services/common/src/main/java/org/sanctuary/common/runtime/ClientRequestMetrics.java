package org.sanctuary.common.runtime;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

/**
 * One set of tags for {@code http.client.requests}: a declarative client's calls carry the neighbour's {@code serviceId},
 * a plain client's (a feed, a webhook, the gateway's proxy) none, and Prometheus keeps only the meters of whichever
 * set registered first. Calls without a service id are tagged {@code serviceId=none}, so both are counted.
 */
@Singleton
final class ClientRequestMetrics implements MeterFilter {

    static final String NAME = "http.client.requests";
    static final String SERVICE_ID = "serviceId";

    @Override
    public Meter.Id map(Meter.Id id) {
        return NAME.equals(id.getName()) && id.getTag(SERVICE_ID) == null ? id.withTag(Tag.of(SERVICE_ID, "none")) : id;
    }
}
