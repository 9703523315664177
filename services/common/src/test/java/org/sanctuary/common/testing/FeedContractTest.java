package org.sanctuary.common.testing;

import org.junit.jupiter.api.Test;
import org.sanctuary.contracts.event.EventType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedContractTest {

    @Test
    void aPayloadKeepsItsContractOnlyWithEveryFieldUnderItsName() {
        FeedContract.assertPayload(EventType.POLICY_PACK_PUBLISHED, Map.of("tenantId", "t", "version", 2, "effectiveFrom", "2026-01-01"));
        assertThrows(AssertionError.class, () -> FeedContract.assertPayload(EventType.POLICY_PACK_PUBLISHED,
                Map.of("tenant", "t", "version", 2, "effectiveFrom", "2026-01-01")), "renamed");
        assertThrows(AssertionError.class, () -> FeedContract.assertPayload(EventType.POLICY_PACK_PUBLISHED,
                Map.of("tenantId", "t", "effectiveFrom", "2026-01-01")), "dropped");
        assertThrows(AssertionError.class, () -> FeedContract.assertPayload(EventType.POLICY_PACK_PUBLISHED,
                Map.of("tenantId", "t", "version", 2, "effectiveFrom", "2026-01-01", "name", "Jane")), "added");
        assertThrows(AssertionError.class, () -> FeedContract.assertPayload(EventType.POLICY_PACK_PUBLISHED,
                Map.of("tenantId", "t", "version", "two", "effectiveFrom", "2026-01-01")), "retyped");
    }
}
