package org.sanctuary.common.security;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.security.token.jwt.signature.jwks.HttpClientJwksClient;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the realm's signing keys (its JWKS) for every service and the gateway, and keeps the last ones read: Micronaut
 * Security asks again every {@code cache-expiration} of the signature (60 s, so a rotated key is picked up within a
 * minute); when Keycloak cannot be reached, the keys it last published keep verifying for
 * {@code sanctuary.security.jwks-stale-limit} (12 h, longer than any token lives), so tokens already issued keep
 * working while it is down (docs/operations.md). A read waits at most {@code jwks-timeout} (3 s), so no request hangs
 * on an unreachable Keycloak. Past the stale limit, or with no keys ever read, nothing verifies: it fails closed.
 * Micronaut's HTTP client reads; this only decides what to keep.
 */
@Singleton
@Replaces(HttpClientJwksClient.class)
public final class LastKnownJwks extends HttpClientJwksClient {

    private static final Logger LOG = LoggerFactory.getLogger(LastKnownJwks.class);

    private record Keys(String json, Instant readAt) {
    }

    private final Map<String, Keys> byUrl = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration staleLimit;
    private final Duration timeout;

    public LastKnownJwks(BeanContext beanContext, HttpClientRegistry<HttpClient> clients, HttpClientConfiguration configuration,
                         Clock clock, SecurityConfiguration security) {
        super(beanContext, clients, configuration);
        this.clock = clock;
        this.staleLimit = security.jwksStaleLimit();
        this.timeout = security.jwksTimeout();
    }

    @Override
    public Publisher<String> load(String providerName, String url) {
        return Mono.from(super.load(providerName, url)).timeout(timeout)
                .filter(LastKnownJwks::holdsKeys) // a 200 that is no key set (a proxy's page, a realm being imported) is no read
                .doOnNext(json -> byUrl.put(url, new Keys(json, clock.instant())))
                .onErrorResume(e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> lastKnown(url)));
    }

    private static boolean holdsKeys(String json) {
        try {
            return !com.nimbusds.jose.jwk.JWKSet.parse(json).getKeys().isEmpty();
        } catch (java.text.ParseException e) {
            return false;
        }
    }

    private Mono<String> lastKnown(String url) {
        Keys last = byUrl.get(url);
        if (last == null) {
            LOG.error("the signing keys at {} cannot be read and none were read before: no token verifies", url);
            return Mono.empty();
        }
        Instant until = last.readAt().plus(staleLimit);
        if (clock.instant().isAfter(until)) {
            LOG.error("the signing keys at {} cannot be read and were last read at {}, longer ago than {}: no token verifies",
                    url, last.readAt(), staleLimit);
            return Mono.empty();
        }
        LOG.warn("the signing keys at {} cannot be read: verifying with those read at {}, until {} at the latest", url,
                last.readAt(), until);
        return Mono.just(last.json());
    }
}
