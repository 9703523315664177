package org.sanctuary.common.audit;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.util.Arrays;
import java.util.List;

/**
 * Walks each of the current tenant's audit chains from its first entry and reports the first broken link:
 * an edited entry (its hash no longer matches), a deleted one (a gap in {@code seq} and a
 * {@code prev_hash} that points nowhere) or a reordered one (a {@code prev_hash} that names another
 * entry). Deleting only the newest entries cannot be seen from inside the chain; anchoring the head
 * elsewhere is the remedy (docs/security.md).
 */
@Singleton
public class AuditChainVerifier {

    @io.micronaut.serde.annotation.Serdeable
    public record Result(boolean intact, long entriesChecked, @io.micronaut.core.annotation.Nullable Integer brokenChain,
                         @io.micronaut.core.annotation.Nullable Long firstBrokenSeq,
                         @io.micronaut.core.annotation.Nullable String reason) {
    }

    private final Sql sql;

    public AuditChainVerifier(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Result verifyCurrentTenant() {
        String tenant = Caller.require().tenantId();
        List<AuditEntry> entries = sql.query("select * from audit_entry where tenant_id = ? order by stripe, seq", rs ->
                new AuditEntry(rs.getString("tenant_id"), rs.getInt("stripe"), rs.getLong("seq"), Sql.instant(rs, "occurred_at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("resource_type"),
                        rs.getString("resource_id"), rs.getString("outcome"), rs.getBoolean("special_decrypted"),
                        rs.getString("reason"), rs.getBytes("prev_hash"),
                        rs.getBytes("hash")), tenant);
        byte[] previous = AuditEntry.GENESIS;
        long expectedSeq = 1;
        int stripe = -1;
        long checked = 0;
        for (AuditEntry entry : entries) {
            if (entry.stripe() != stripe) { // each stripe is a chain of its own, from the genesis hash
                stripe = entry.stripe();
                previous = AuditEntry.GENESIS;
                expectedSeq = 1;
            }
            if (entry.seq() != expectedSeq) {
                return new Result(false, checked, stripe, entry.seq(), "entry " + expectedSeq + " of chain " + stripe + " is missing");
            }
            if (!Arrays.equals(entry.prevHash(), previous)) {
                return new Result(false, checked, stripe, entry.seq(), "prev_hash does not match the preceding entry");
            }
            if (!Arrays.equals(entry.hash(), entry.expectedHash())) {
                return new Result(false, checked, stripe, entry.seq(), "entry content does not match its hash");
            }
            previous = entry.hash();
            expectedSeq++;
            checked++;
        }
        return new Result(true, checked, null, null, null);
    }
}
