package org.sanctuary.common.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The configuration a service under test needs: its own fresh database (service role for the
 * application, owner role for Liquibase), the test issuer's JWKS, and the test-only master key.
 */
public final class ServiceTestProperties {

    /** Test-only master key (base64 of 32 bytes). Never used outside tests. */
    public static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    private ServiceTestProperties() {
    }

    public static Map<String, String> forService(ServiceDatabase db) {
        Map<String, String> p = new HashMap<>();
        p.put("micronaut.server.port", "-1"); // a free port: the tests run beside a running ./sanctuary up
        // the management port is a fixed number by nature (its routes are bound to it): one outside the
        // range outgoing connections take theirs from, not ${random.port}
        p.put("endpoints.all.port", Integer.toString(FreePorts.belowEphemeralRange()));
        p.put("datasources.default.url", db.url());
        p.put("datasources.default.username", db.appRole());
        p.put("datasources.default.password", db.password());
        p.put("datasources.owner.url", db.url());
        p.put("datasources.owner.username", db.ownerRole());
        p.put("datasources.owner.password", db.password());
        p.put("micronaut.security.token.jwt.signatures.jwks.sanctuary.url", TestJwtIssuer.get().jwksUrl());
        p.put("micronaut.security.token.jwt.claims-validators.issuer", TestJwtIssuer.ISSUER);
        p.put("sanctuary.crypto.master-key", TEST_MASTER_KEY);
        return p;
    }
}
