package org.sanctuary.assessment.evaluation;

import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assessment rows; the explained result sealed under the tenant's key, tenant named in every statement. */
@Singleton
public class AssessmentStore {

    private static final String COLUMNS = "id, claim_id, applicant_id, run, pack_version, created_at, created_by, result_enc";

    private final Sql sql;
    private final FieldCipher cipher;

    public AssessmentStore(Sql sql, FieldCipher cipher) {
        this.sql = sql;
        this.cipher = cipher;
    }

    /** Inserts the next run for the claim; runs are numbered under a per-claim lock so concurrent re-runs never collide. */
    public StoredAssessment insert(UUID id, UUID claimId, UUID applicantId, int packVersion, Assessment result,
                                   Instant now) {
        String tenant = Caller.require().tenantId();
        sql.execute("select pg_advisory_xact_lock(?)", ((long) tenant.hashCode() << 32) ^ claimId.hashCode());
        int run = sql.queryOne("select coalesce(max(run), 0) + 1 as run from assessment where tenant_id = ? and claim_id = ?",
                rs -> rs.getInt("run"), tenant, claimId).orElse(1);
        sql.update("insert into assessment (tenant_id, id, claim_id, applicant_id, run, pack_version, assessment_date, "
                        + "recommendation, rules_met, result_enc, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, id, claimId, applicantId, run, packVersion, result.assessmentDate(), result.recommendation().name(),
                result.reportableRulesMet().toArray(String[]::new), cipher.seal(sql.text(result), "result", id), now,
                Caller.require().subject());
        return new StoredAssessment(id, claimId, applicantId, run, packVersion, now, Caller.require().subject(), result);
    }

    public Optional<StoredAssessment> find(UUID id) {
        return sql.queryOne("select " + COLUMNS + " from assessment where tenant_id = ? and id = ?", this::map,
                Caller.require().tenantId(), id);
    }

    public List<StoredAssessment> ofClaim(UUID claimId) {
        return sql.query("select " + COLUMNS + " from assessment where tenant_id = ? and claim_id = ? order by run",
                this::map, Caller.require().tenantId(), claimId);
    }

    public int latestRun(UUID claimId) {
        return sql.queryOne("select coalesce(max(run), 0) as run from assessment where tenant_id = ? and claim_id = ?",
                rs -> rs.getInt("run"), Caller.require().tenantId(), claimId).orElse(0);
    }

    private StoredAssessment map(ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        Assessment result = sql.read(cipher.open(rs.getBytes("result_enc"), "result", id), Argument.of(Assessment.class));
        return new StoredAssessment(id, Sql.uuid(rs, "claim_id"), Sql.uuid(rs, "applicant_id"), rs.getInt("run"),
                rs.getInt("pack_version"), Sql.instant(rs, "created_at"), rs.getString("created_by"), result);
    }
}
