package org.sanctuary.common.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123456Z");

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        byte[] base = AuditEntry.hash(AuditEntry.GENESIS, "t", 0, 1, AT, "alice", "read", "claim", "42", "SUCCESS");
        assertEquals(32, base.length);
        assertArrayEquals(base, AuditEntry.hash(AuditEntry.GENESIS, "t", 0, 1, AT, "alice", "read", "claim", "42", "SUCCESS"));
        assertFalse(java.util.Arrays.equals(base, AuditEntry.hash(base, "t", 0, 1, AT, "alice", "read", "claim", "42", "SUCCESS")));
        assertFalse(java.util.Arrays.equals(base, AuditEntry.hash(AuditEntry.GENESIS, "t", 0, 2, AT, "alice", "read", "claim", "42", "SUCCESS")));
        assertFalse(java.util.Arrays.equals(base, AuditEntry.hash(AuditEntry.GENESIS, "t", 0, 1, AT, "alice", "read", "claim", "43", "SUCCESS")));
        assertFalse(java.util.Arrays.equals(base, AuditEntry.hash(AuditEntry.GENESIS, "t", 1, 1, AT, "alice", "read", "claim", "42", "SUCCESS")));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertFalse(java.util.Arrays.equals(
                AuditEntry.hash(AuditEntry.GENESIS, "t", 0, 1, AT, "ab", "c", "x", "y", "z"),
                AuditEntry.hash(AuditEntry.GENESIS, "t", 0, 1, AT, "a", "bc", "x", "y", "z")));
    }
}
