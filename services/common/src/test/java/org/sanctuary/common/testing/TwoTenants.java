package org.sanctuary.common.testing;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.List;

/**
 * Tokens for two organizations, A and B, for the isolation tests every service runs: whatever A
 * creates, B must get 404 or an empty list for, and B's writes to A's ids must fail.
 */
public final class TwoTenants {

    public static final String A = "tenant-a";
    public static final String B = "tenant-b";

    private TwoTenants() {
    }

    public static String a(String... roles) {
        return TestJwtIssuer.get().token(A, "user-a-" + String.join("-", roles), roles);
    }

    public static String b(String... roles) {
        return TestJwtIssuer.get().token(B, "user-b-" + String.join("-", roles), roles);
    }

    /** A valid signature, but no organization at all. */
    public static String noOrganization(String... roles) {
        return TestJwtIssuer.get().token(TestJwtIssuer.get().claims("orphan", List.of(roles)).build());
    }

    /** A valid signature, member of two organizations: ambiguous, so no tenant. */
    public static String twoOrganizations(String... roles) {
        JWTClaimsSet claims = TestJwtIssuer.get().claims("double", List.of(roles)).claim("organization", List.of(A, B)).build();
        return TestJwtIssuer.get().token(claims);
    }
}
