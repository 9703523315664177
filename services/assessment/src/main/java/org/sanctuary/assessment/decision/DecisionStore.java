package org.sanctuary.assessment.decision;

import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Recommendation;
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

/** Decisions and appeals; written reasons, comments and grounds sealed under the tenant's key. */
@Singleton
public class DecisionStore {

    private static final String COLUMNS = "id, assessment_id, claim_id, applicant_id, stage, outcome, recommendation, departs, "
            + "reasons_enc, status, author, created_at, reviewer, reviewed_at, comments_enc, appeal_days, decided_on, appeal_deadline";

    private final Sql sql;
    private final FieldCipher cipher;

    public DecisionStore(Sql sql, FieldCipher cipher) {
        this.sql = sql;
        this.cipher = cipher;
    }

    /** False when the claim already has a decision pending approval (the partial unique index refuses it). */
    public boolean insert(Decision d) {
        try {
            sql.update("insert into decision (tenant_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Caller.require().tenantId(), d.id(), d.assessmentId(), d.claimId(), d.applicantId(), d.stage(), d.outcome(),
                    d.recommendation(), d.departs(), cipher.seal(d.reasons(), "reasons", d.id()), d.status(), d.author(),
                    d.createdAt(), d.reviewer(), d.reviewedAt(), cipher.seal(d.comments(), "comments", d.id()), d.appealDays(),
                    d.decidedOn(), d.appealDeadline());
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Records the review of a pending decision; false when it is no longer pending. */
    public boolean review(Decision d) {
        return sql.update("update decision set status = ?, reviewer = ?, reviewed_at = ?, comments_enc = ?, appeal_days = ?, "
                        + "decided_on = ?, appeal_deadline = ? where tenant_id = ? and id = ? and status = 'PENDING_APPROVAL'",
                d.status(), d.reviewer(), d.reviewedAt(), cipher.seal(d.comments(), "comments", d.id()), d.appealDays(),
                d.decidedOn(), d.appealDeadline(), Caller.require().tenantId(), d.id()) == 1;
    }

    public Optional<Decision> find(UUID id) {
        return sql.queryOne("select " + COLUMNS + " from decision where tenant_id = ? and id = ?", this::map,
                Caller.require().tenantId(), id);
    }

    public List<Decision> ofClaim(UUID claimId) {
        return sql.query("select " + COLUMNS + " from decision where tenant_id = ? and claim_id = ? order by created_at",
                this::map, Caller.require().tenantId(), claimId);
    }

    /** The tenant's decisions awaiting a second person's approval, oldest first, none drafted by {@code notBy}. */
    public List<Decision> pendingApproval(String notBy, int limit) {
        return sql.query("select " + COLUMNS + " from decision where tenant_id = ? and status = 'PENDING_APPROVAL' and author <> ? "
                + "order by created_at limit ?", this::map, Caller.require().tenantId(), notBy, limit);
    }

    /** False when the decision already has an appeal. */
    public boolean insertAppeal(UUID id, Decision decision, LocalDate lodgedOn, String grounds, Instant now) {
        try {
            sql.update("insert into appeal (tenant_id, id, decision_id, claim_id, lodged_on, lodged_by, grounds_enc, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)", Caller.require().tenantId(), id, decision.id(), decision.claimId(),
                    lodgedOn, Caller.require().subject(), cipher.seal(grounds, "grounds", id), now);
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private Decision map(ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        Integer appealDays = rs.getObject("appeal_days", Integer.class);
        return new Decision(id, Sql.uuid(rs, "assessment_id"), Sql.uuid(rs, "claim_id"), Sql.uuid(rs, "applicant_id"),
                Decision.Stage.valueOf(rs.getString("stage")), Decision.Outcome.valueOf(rs.getString("outcome")),
                Recommendation.valueOf(rs.getString("recommendation")), rs.getBoolean("departs"),
                cipher.open(rs.getBytes("reasons_enc"), "reasons", id), Decision.Status.valueOf(rs.getString("status")),
                rs.getString("author"), Sql.instant(rs, "created_at"), rs.getString("reviewer"), Sql.instant(rs, "reviewed_at"),
                cipher.open(rs.getBytes("comments_enc"), "comments", id), appealDays,
                Sql.date(rs, "decided_on"), Sql.date(rs, "appeal_deadline"));
    }
}
