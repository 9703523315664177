package org.sanctuary.common.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Set;

/**
 * Only the platform's own access tokens open the API (issue 11, item 7): Keycloak's {@code typ} must be
 * {@code Bearer} (an ID token or a refresh token signed by the same realm key is refused), and the token
 * must have been issued to one of the platform's clients — its {@code azp} among
 * {@code sanctuary.security.clients}, or its {@code aud} naming the API ({@code sanctuary.security.audience},
 * which integrator clients carry through an audience mapper). A token the realm issued to any other client
 * (the account console, a partner's unrelated app) is a 401 here.
 */
@Singleton
public final class AccessTokenValidator<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenValidator.class);

    private final Set<String> clients;
    private final String audience;

    public AccessTokenValidator(SecurityConfiguration configuration) {
        this.clients = Set.copyOf(configuration.clients());
        this.audience = configuration.audience();
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Object typ = claims.get("typ");
        if (!"Bearer".equals(typ)) {
            LOG.info("token refused: typ {} is not an access token", typ);
            return false;
        }
        Object azp = claims.get("azp");
        if (azp instanceof String party && clients.contains(party)) {
            return true;
        }
        Object aud = claims.get(Claims.AUDIENCE);
        boolean forUs = aud instanceof String single ? single.equals(audience) || clients.contains(single)
                : aud instanceof Collection<?> many && many.stream().anyMatch(a -> audience.equals(a) || clients.contains(a));
        if (!forUs) {
            LOG.info("token refused: issued to {} (aud {}), not to a client of the platform", azp, aud);
        }
        return forUs;
    }
}
