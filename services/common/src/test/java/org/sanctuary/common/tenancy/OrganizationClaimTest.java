package org.sanctuary.common.tenancy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrganizationClaimTest {

    @Test
    void readsEveryShapeKeycloakProduces() {
        assertEquals(Optional.of("demo-gov"), OrganizationClaim.singleTenant(List.of("demo-gov")));
        assertEquals(Optional.of("demo-gov"), OrganizationClaim.singleTenant("demo-gov"));
        assertEquals(Optional.of("demo-gov"), OrganizationClaim.singleTenant(Map.of("demo-gov", Map.of("id", "42"))));
    }

    @Test
    void zeroSeveralOrMalformedEntriesAreNoTenant() {
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant(null));
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant(List.of()));
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant(List.of("demo-gov", "demo-ngo")));
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant(Map.of("a1", 1, "b2", 2)));
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant("Demo Gov"));
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant("x"));
        assertEquals(Optional.empty(), OrganizationClaim.singleTenant(42));
        assertEquals(Optional.of("demo-gov"), OrganizationClaim.singleTenant(List.of("demo-gov", "demo-gov")));
    }
}
