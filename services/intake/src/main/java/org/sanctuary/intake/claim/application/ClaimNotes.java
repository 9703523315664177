package org.sanctuary.intake.claim.application;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.intake.claim.persistence.ClaimStore;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Notes on a claim by its caseworkers and supervisors: append-only (a note is never edited, a correction is a
 * new note), sealed under the tenant's key (they may name the person and his circumstances), every read and
 * write audited.
 */
@Singleton
public class ClaimNotes {

    @Serdeable
    public record Note(UUID id, UUID claimId, String author, Instant createdAt, String text) {
    }

    private final Sql sql;
    private final FieldCipher cipher;
    private final ClaimStore claims;
    private final AuditTrail audit;
    private final Clock clock;

    public ClaimNotes(Sql sql, FieldCipher cipher, ClaimStore claims, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.sql = sql;
        this.cipher = cipher;
        this.claims = claims;
        this.audit = audit;
    }

    @Transactional
    public Note add(UUID claimId, String text) {
        requireClaim(claimId, "claim.note.create");
        Caller caller = Caller.require();
        UUID id = UUID.randomUUID();
        Note note = new Note(id, claimId, caller.subject(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), text.strip());
        sql.update("insert into claim_note (tenant_id, id, claim_id, author, created_at, text_enc) values (?, ?, ?, ?, ?, ?)",
                caller.tenantId(), id, claimId, note.author(), note.createdAt(), cipher.seal(note.text(), "note", id));
        audit.record("claim.note.create", "claim-note", id.toString(), AuditTrail.Outcome.SUCCESS);
        return note;
    }

    @Transactional
    public List<Note> of(UUID claimId) {
        requireClaim(claimId, "claim.note.list");
        List<Note> notes = sql.query("select id, claim_id, author, created_at, text_enc from claim_note where tenant_id = ? "
                        + "and claim_id = ? order by created_at, id", rs -> {
                    UUID id = Sql.uuid(rs, "id");
                    return new Note(id, Sql.uuid(rs, "claim_id"), rs.getString("author"), Sql.instant(rs, "created_at"),
                            cipher.open(rs.getBytes("text_enc"), "note", id));
                }, Caller.require().tenantId(), claimId);
        audit.record("claim.note.list", ClaimService.RESOURCE, claimId.toString(), AuditTrail.Outcome.SUCCESS);
        return notes;
    }

    private void requireClaim(UUID claimId, String action) {
        if (claims.find(claimId).isEmpty()) {
            throw ProblemException.notFound("Claim").audited(action, ClaimService.RESOURCE, claimId.toString());
        }
    }
}
