package org.sanctuary.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * One link of a tenant's audit chain: {@code hash = SHA-256(prev_hash || canonical entry)}. The
 * canonical form prefixes every field with its UTF-8 length, so no two different entries share it;
 * the database computes the same form (function {@code audit_canonical}) when it appends. A tenant has
 * {@link AuditTrail#STRIPES} independent chains, so concurrent requests do not queue on one lock.
 */
public record AuditEntry(String tenantId, int stripe, long seq, Instant occurredAt, String actor, String action,
                         String resourceType, String resourceId, String outcome, boolean specialDecrypted, String reason,
                         byte[] prevHash, byte[] hash) {

    public static final byte[] GENESIS = new byte[32];

    public static byte[] hash(byte[] prevHash, String tenantId, int stripe, long seq, Instant occurredAt, String actor,
                              String action, String resourceType, String resourceId, String outcome) {
        return hash(prevHash, tenantId, stripe, seq, occurredAt, actor, action, resourceType, resourceId, outcome, false, null);
    }

    /**
     * Entries that decrypted special-category data or were opened with a stated reason (break-glass)
     * carry two more fields; entries without either hash exactly as before, so older chains still verify.
     */
    public static byte[] hash(byte[] prevHash, String tenantId, int stripe, long seq, Instant occurredAt, String actor,
                              String action, String resourceType, String resourceId, String outcome,
                              boolean specialDecrypted, String reason) {
        StringBuilder canonical = new StringBuilder();
        String[] base = {tenantId, Integer.toString(stripe), Long.toString(seq), occurredAt.toString(), actor, action,
                resourceType, resourceId, outcome};
        String[] fields = specialDecrypted || reason != null
                ? java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                        java.util.stream.Stream.of(Boolean.toString(specialDecrypted), reason)).toArray(String[]::new)
                : base;
        for (String field : fields) {
            String value = field == null ? "" : field;
            canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(';');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prevHash);
            return digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] expectedHash() {
        return hash(prevHash, tenantId, stripe, seq, occurredAt, actor, action, resourceType, resourceId, outcome,
                specialDecrypted, reason);
    }
}
