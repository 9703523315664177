package org.sanctuary.assessment.evaluation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Engine;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.upstream.Upstream;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;


import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Assesses a claim: reads its facts from intake and the pack in force from tenants (both with the
 * caller's token), evaluates, stores the result as the claim's next run, and moves a lodged claim to
 * UNDER_ASSESSMENT. Re-running makes a new run; earlier runs stay as they were.
 */
@Singleton
public class AssessmentService {

    public static final String RESOURCE = "assessment";

    /** Claims in these states can be assessed (an appealed claim is assessed again for the appeal). */
    private static final Set<String> ASSESSABLE = Set.of("LODGED", "UNDER_ASSESSMENT", "APPEALED");

    /** What reporting needs of an assessment: outcome, dates, rule ids; never the facts or reasons. */
    @Serdeable
    public record AssessmentCompleted(UUID assessmentId, UUID claimId, UUID applicantId, int run, int packVersion,
                                      LocalDate assessmentDate, String recommendation, List<String> rulesMet) {
    }

    private final Engine engine = new Engine();
    private final Upstream upstream;
    private final AssessmentStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    public AssessmentService(Upstream upstream, AssessmentStore store, AuditTrail audit, Outbox outbox, Clock clock,
                             TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.upstream = upstream;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Calls the other services first, then writes in one transaction: a failure upstream leaves nothing here. */
    public StoredAssessment assess(UUID claimId, String authorization) {
        return assess(claimId, authorization, null);
    }

    /** {@code accessReason}: the caller's stated reason to read facts outside need to know (break-glass), or null. */
    public StoredAssessment assess(UUID claimId, String authorization, @Nullable String accessReason) {
        Upstream.ClaimRef claim = upstream.claim(claimId, authorization);
        if (!ASSESSABLE.contains(claim.status())) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "A " + claim.status()
                    + " claim cannot be assessed; lodge it first, or it is already decided.");
        }
        Facts facts = upstream.facts(claimId, authorization, accessReason);
        LocalDate today = LocalDate.now(clock);
        Upstream.EffectivePack pack = upstream.policy(today, authorization);
        Assessment result = engine.assess(pack.pack(), facts, today, Integer.toString(pack.version()));
        if (claim.status().equals("LODGED")) {
            upstream.act(claimId, "start-assessment", authorization);
        }
        return record(claim, pack.version(), result);
    }

    private StoredAssessment record(Upstream.ClaimRef claim, int packVersion, Assessment result) {
        return transactions.executeWrite(status -> {
                StoredAssessment stored = store.insert(UUID.randomUUID(), claim.id(), claim.applicantId(), packVersion, result,
                    Instant.now(clock));
            audit.record("assessment.create", RESOURCE, stored.id().toString(), AuditTrail.Outcome.SUCCESS);
            outbox.publish("assessment.completed", claim.id(), new AssessmentCompleted(stored.id(), claim.id(),
                    claim.applicantId(), stored.run(), packVersion, result.assessmentDate(), result.recommendation().name(),
                    result.reportableRulesMet()));
            return stored;
        });
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public StoredAssessment get(UUID id) {
        StoredAssessment found = store.find(id).orElse(null);
        if (found == null) {
            audit.record("assessment.read", RESOURCE, id.toString(), AuditTrail.Outcome.NOT_FOUND);
            throw ProblemException.notFound("Assessment");
        }
        audit.record("assessment.read", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        return found;
    }

    @Transactional
    public List<StoredAssessment> ofClaim(UUID claimId) {
        List<StoredAssessment> runs = store.ofClaim(claimId);
        audit.record("assessment.list", RESOURCE, "claim:" + claimId, AuditTrail.Outcome.SUCCESS);
        return runs;
    }
}
