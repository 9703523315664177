package org.sanctuary.documents.document;

import jakarta.inject.Singleton;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Document metadata; filename and description sealed under the tenant's key; tenant named in every statement. */
@Singleton
public class DocumentStore {

    private static final String COLUMNS = "id, claim_id, applicant_id, category, description_enc, filename_enc, content_type, "
            + "size_bytes, sha256, blob_key, status, legal_hold, legal_hold_reason, claim_closed_on, created_at, created_by, "
            + "deleted_at, deletion_reason, version";

    /** A row with where its content lies. */
    public record Row(Document document, String blobKey) {
    }

    private final Sql sql;
    private final FieldCipher cipher;

    public DocumentStore(Sql sql, FieldCipher cipher) {
        this.sql = sql;
        this.cipher = cipher;
    }

    public void insert(Document d, String blobKey, int retentionYears) {
        sql.update("insert into document_tenant (tenant_id) values (?) on conflict do nothing", Caller.require().tenantId());
        sql.update("insert into document (tenant_id, retention_years, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Caller.require().tenantId(), retentionYears, d.id(), d.claimId(), d.applicantId(), d.category(),
                cipher.seal(d.description(), "description", d.id()), cipher.seal(d.filename(), "filename", d.id()), d.contentType(),
                d.sizeBytes(), d.sha256(), blobKey, d.status(), d.legalHold(), d.legalHoldReason(), d.claimClosedOn(),
                d.createdAt(), d.createdBy(), d.deletedAt(), d.deletionReason(), d.version());
    }

    public Optional<Row> find(UUID id) {
        return sql.queryOne("select " + COLUMNS + " from document where tenant_id = ? and id = ?", this::map,
                Caller.require().tenantId(), id);
    }

    public List<Row> ofClaim(UUID claimId) {
        return sql.query("select " + COLUMNS + " from document where tenant_id = ? and claim_id = ? order by created_at, id",
                this::map, Caller.require().tenantId(), claimId);
    }

    /** Content gone, tombstone kept; false when it was held or already deleted meanwhile. */
    public boolean tombstone(UUID id, Instant at, String reason) {
        return sql.update("update document set status = 'DELETED', blob_key = null, deleted_at = ?, deletion_reason = ?, "
                        + "version = version + 1 where tenant_id = ? and id = ? and status = 'AVAILABLE' and not legal_hold",
                at, reason, Caller.require().tenantId(), id) == 1;
    }

    public boolean hold(UUID id, boolean hold, String reason) {
        return sql.update("update document set legal_hold = ?, legal_hold_reason = ?, version = version + 1 "
                + "where tenant_id = ? and id = ?", hold, hold ? reason : null, Caller.require().tenantId(), id) == 1;
    }

    /** Records the claim's closure date on all its documents (from intake's feed, or on its status). */
    public int claimClosed(UUID claimId, LocalDate on) {
        return sql.update("update document set claim_closed_on = ?, version = version + 1 where tenant_id = ? and claim_id = ?",
                on, Caller.require().tenantId(), claimId);
    }

    /** Documents whose retention ran out by {@code today}: available, not held, claim closed their retention years ago. */
    public List<Row> due(LocalDate today) {
        return sql.query("select " + COLUMNS + " from document where tenant_id = ? and status = 'AVAILABLE' and not legal_hold "
                + "and claim_closed_on is not null and claim_closed_on + make_interval(years => retention_years) <= ?",
                this::map, Caller.require().tenantId(), today);
    }

    /** Every tenant that holds documents (platform data: ids only). */
    public List<String> tenants() {
        return sql.query("select tenant_id from document_tenant order by tenant_id", rs -> rs.getString(1));
    }

    private Row map(ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        Document d = new Document(id, Sql.uuid(rs, "claim_id"), Sql.uuid(rs, "applicant_id"), Category.valueOf(rs.getString("category")),
                cipher.open(rs.getBytes("description_enc"), "description", id), cipher.open(rs.getBytes("filename_enc"), "filename", id),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                Document.Status.valueOf(rs.getString("status")), rs.getBoolean("legal_hold"), rs.getString("legal_hold_reason"),
                Sql.date(rs, "claim_closed_on"), Sql.instant(rs, "created_at"), rs.getString("created_by"),
                Sql.instant(rs, "deleted_at"), rs.getString("deletion_reason"), rs.getLong("version"));
        return new Row(d, rs.getString("blob_key"));
    }
}
