package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Engine;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.upstream.Upstream;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.contracts.claim.ClaimRef;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.contracts.event.AssessmentEvents;
import org.sanctuary.contracts.event.EventType;

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
    private static final Set<ClaimStatus> ASSESSABLE = Set.of(ClaimStatus.LODGED, ClaimStatus.UNDER_ASSESSMENT, ClaimStatus.APPEALED);

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

    /**
     * Reads the claim, its facts and the pack with the caller's token, then writes the run and its
     * {@code assessment.completed} event in one transaction. Intake reads that event and puts a lodged claim
     * UNDER_ASSESSMENT: nothing here writes into intake. {@code accessReason}: the caller's stated reason to read
     * facts outside need to know (break-glass), or null.
     */
    public StoredAssessment assess(UUID claimId, @Nullable String accessReason) {
        ClaimRef claim = upstream.claim(claimId);
        if (!ASSESSABLE.contains(claim.status())) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "A " + claim.status()
                    + " claim cannot be assessed; lodge it first, or it is already decided.");
        }
        Facts facts = upstream.facts(claimId, accessReason);
        LocalDate today = LocalDate.now(clock);
        Upstream.EffectivePack pack = upstream.policy(today);
        Assessment result = engine.assess(pack.pack(), facts, today, Integer.toString(pack.version()));
        return record(claim, pack.version(), result);
    }

    private StoredAssessment record(ClaimRef claim, int packVersion, Assessment result) {
        return transactions.executeWrite(status -> {
                StoredAssessment stored = store.insert(UUID.randomUUID(), claim.id(), claim.applicantId(), packVersion, result,
                    Instant.now(clock));
            audit.record("assessment.create", RESOURCE, stored.id().toString(), AuditTrail.Outcome.SUCCESS);
            outbox.publish(EventType.ASSESSMENT_COMPLETED, claim.id(), new AssessmentEvents.AssessmentCompleted(stored.id(), claim.id(),
                    claim.applicantId(), stored.run(), packVersion, result.assessmentDate(), result.recommendation().name(),
                    result.reportableRulesMet()));
            return stored;
        });
    }

    /**
     * An assessment's sealed result can reveal special categories (its findings rest on them): it opens to
     * supervisors and the claim's assigned caseworker, or with a stated reason (break-glass), and every read is
     * audited as a decryption of special-category data, with the reason when one was stated.
     */
    public StoredAssessment get(UUID id, @Nullable String accessReason) {
        StoredAssessment found = transactions.executeRead(status -> store.find(id)).orElseThrow(() ->
                ProblemException.notFound("Assessment").audited("assessment.read", RESOURCE, id.toString()));
        String reason = needToKnow(found.claimId(), accessReason, "assessment.read", id.toString());
        transactions.executeWrite(status -> {
            audit.record("assessment.read", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS, new AuditTrail.Detail(true, reason));
            return null;
        });
        return found;
    }

    public List<StoredAssessment> ofClaim(UUID claimId, @Nullable String accessReason) {
        List<StoredAssessment> runs = transactions.executeRead(status -> store.ofClaim(claimId));
        if (runs.isEmpty()) {
            transactions.executeWrite(status -> {
                audit.record("assessment.list", RESOURCE, "claim:" + claimId, AuditTrail.Outcome.SUCCESS);
                return null;
            });
            return runs;
        }
        String reason = needToKnow(claimId, accessReason, "assessment.list", "claim:" + claimId);
        transactions.executeWrite(status -> {
            audit.record("assessment.list", RESOURCE, "claim:" + claimId, AuditTrail.Outcome.SUCCESS, new AuditTrail.Detail(true, reason));
            return null;
        });
        return runs;
    }

    /** Null on need to know (a supervisor, the claim's assigned caseworker); else the stated reason; else 403, audited. */
    private @Nullable String needToKnow(UUID claimId, @Nullable String accessReason, String action, String resource) {
        Caller caller = Caller.require();
        if (caller.hasAnyRole(Roles.SUPERVISOR) || AccessReason.needToKnow(caller, upstream.claim(claimId).assignedCaseworker())) {
            return null; // a supervisor needs no read of the claim
        }
        return AccessReason.parse(accessReason).orElseThrow(() ->
                AccessReason.required("assessment's findings").audited(action, RESOURCE, resource));
    }
}
