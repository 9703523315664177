package org.sanctuary.intake.claim.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.idempotency.IdempotencyKeys;
import org.sanctuary.common.outbox.Event;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.persistence.Slice;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.contracts.event.ClaimEvent;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.contracts.event.IntakeEvents;
import org.sanctuary.intake.applicant.application.ApplicantRecords;
import org.sanctuary.intake.applicant.domain.Applicant;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.SpecialCategory;
import org.sanctuary.intake.claim.domain.Claim;
import org.sanctuary.intake.claim.domain.ClaimAction;
import org.sanctuary.intake.claim.domain.ClaimFilter;
import org.sanctuary.intake.claim.domain.ClaimOrder;
import org.sanctuary.intake.claim.domain.Credibility;
import org.sanctuary.intake.claim.domain.Workload;
import org.sanctuary.intake.claim.persistence.ClaimStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Claims: drafting, correcting facts, moving through the lifecycle, and the facts document. */
@Singleton
public class ClaimService {

    public static final String RESOURCE = "claim";
    private static final Logger LOG = LoggerFactory.getLogger(ClaimService.class);

    public record Created(Claim claim, boolean replay) {
    }

    private final ClaimStore store;
    private final ApplicantRecords applicants;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final Sql sql;
    private final Clock clock;
    private final JsonMapper json;

    public ClaimService(ClaimStore store, ApplicantRecords applicants, AuditTrail audit, Outbox outbox,
                        IdempotencyKeys idempotency, Sql sql, Clock clock, JsonMapper json) {
        this.json = json;
        this.store = store;
        this.applicants = applicants;
        this.audit = audit;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional
    public Created draft(ClaimRequest request, Optional<String> idempotencyKey) {
        checkCredibility(request);
        Caller caller = Caller.require();
        if (!maySetCredibility(caller) && !request.credibilityOrEmpty().isEmpty()) {
            throw credibilityRefused();
        }
        IdempotencyKeys.Claimed claimed = idempotency.claim(RESOURCE, idempotencyKey, sql.text(request).getBytes());
        if (claimed.replay()) {
            Claim earlier = store.find(claimed.resourceId())
                    .orElseThrow(() -> new IllegalStateException("idempotent create lost its claim"));
            audit.record("claim.read", RESOURCE, earlier.id().toString(), AuditTrail.Outcome.SUCCESS);
            return new Created(earlier, true);
        }
        Instant now = now();
        // a caseworker's own draft is assigned to him unless he names someone (need to know: docs/security.md)
        String assignee = request.assignedCaseworker() != null ? request.assignedCaseworker()
                : caller.hasAnyRole(Roles.CASEWORKER) ? caller.subject() : null;
        Claim claim = Claim.draft(claimed.resourceId(), request.applicantId(), request.military(), request.credibilityOrEmpty(),
                assignee, now);
        if (!store.insert(claim)) { // the transaction is aborted; nothing of it is kept
            throw unknownApplicant();
        }
        audit.record("claim.create", RESOURCE, claim.id().toString(), AuditTrail.Outcome.SUCCESS);
        return new Created(claim, false);
    }

    @Transactional
    public Claim get(UUID id) {
        Claim claim = found(id, "claim.read", store.find(id));
        audit.record("claim.read", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        return claim;
    }

    /** A page of claims in {@code order}, and the cursor of the next page (null: none). */
    public record Page(List<Claim> items, @Nullable String next) {
    }

    @Transactional
    public Page list(ClaimOrder order, @Nullable String cursor, int limit, ClaimFilter filter) {
        Slice<Claim> page = Slice.of(store.page(order, cursor, limit + 1, filter), limit);
        audit.record("claim.list", RESOURCE, page.items().stream().map(c -> c.id().toString())
                .collect(Collectors.joining(",")), AuditTrail.Outcome.SUCCESS);
        return new Page(page.items(), page.more() ? ClaimStore.cursorAfter(order, page.items().get(page.items().size() - 1)) : null);
    }

    @Transactional
    public Claim update(UUID id, long expectedVersion, ClaimRequest request) {
        checkCredibility(request);
        Claim current = found(id, "claim.update", store.find(id));
        if (!current.applicantId().equals(request.applicantId())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "A claim cannot move to another applicant.",
                    List.of(new Problem.Violation("applicantId", "must stay " + current.applicantId())));
        }
        try {
            current.requireEditable(); // before the version: a decided claim's facts are final, whichever version is named
        } catch (Claim.Refused refused) {
            throw new ProblemException(ProblemType.CONFLICT, refused.getMessage());
        }
        checkVersion(current, expectedVersion);
        // credibility findings are a caseworker's or supervisor's: an integrator's update keeps them as they are
        Map<String, Credibility.Assessment> credibility = request.credibilityOrEmpty();
        if (!maySetCredibility(Caller.require())) {
            if (request.credibility() != null && !request.credibility().equals(current.credibility())) {
                throw credibilityRefused();
            }
            credibility = current.credibility();
        }
        // assignment opens special-category data (need to know): only a supervisor moves it; others keep it
        String assignee = current.assignedCaseworker();
        if (request.assignedCaseworker() != null && !request.assignedCaseworker().equals(assignee)) {
            if (!Caller.require().hasAnyRole(Roles.SUPERVISOR)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only a supervisor assigns a claim to a caseworker.",
                        List.of(new Problem.Violation("assignedCaseworker", "only a supervisor changes it")));
            }
            assignee = request.assignedCaseworker();
        }
        Claim updated = current.withFacts(request.military(), credibility, assignee, now()); // editable: checked above
        if (!store.updateFacts(updated, expectedVersion)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The claim changed meanwhile; read it again.");
        }
        audit.record("claim.update", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        return updated;
    }

    /**
     * A caller's lifecycle action. DECIDE and APPEAL are refused (403): only the assessment service's
     * events make them ({@link #applyAssessmentEvent}). CLOSE and WITHDRAW need a caseworker or supervisor
     * and a reason, recorded (sealed) in the claim's history. {@code expectedVersion} (from If-Match) is optional;
     * {@code firstInstanceDays} — from the tenant's policy pack — sets the deadline when lodging.
     */
    @Transactional
    public Claim act(UUID id, ClaimAction action, Optional<Long> expectedVersion, int firstInstanceDays,
                     @Nullable String reason) {
        Caller caller = Caller.require();
        if (!action.byCaller()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A claim becomes " + action.target() + " only when the assessment "
                    + "service says so: " + (action == ClaimAction.DECIDE ? "a decision approved by a second person (four eyes)."
                    : "an appeal lodged against an approved decision."))
                    .audited("claim." + action.path(), RESOURCE, id.toString());
        }
        if (action.needsReason() && !caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a caseworker or supervisor may " + action.path() + " a claim.")
                    .audited("claim." + action.path(), RESOURCE, id.toString());
        }
        String written = reason == null || reason.isBlank() ? null : reason.strip();
        Claim current = found(id, "claim." + action.path(), store.find(id)); // another tenant's claim: 404 before anything else
        if (action.needsReason() && written == null) {
            throw new ProblemException(ProblemType.VALIDATION, "reason is required to " + action.path() + " a claim",
                    List.of(new Problem.Violation("reason", "must say why the claim is " + action.target().name().toLowerCase())));
        }
        return move(current, action, expectedVersion, firstInstanceDays, action.needsReason() ? written : null, null);
    }

    /**
     * Applies one event of the assessment service's feed (in its tenant, in the transaction that moves the
     * feed's cursor, {@link AssessmentFeed}): a completed assessment puts a lodged claim UNDER_ASSESSMENT, an approved
     * decision makes it DECIDED, a lodged appeal APPEALED. Idempotent: an event already applied, or one the claim can
     * no longer follow (withdrawn meanwhile), changes nothing.
     */
    public void applyAssessmentEvent(Event event) {
        EventType type = event.known().orElse(null);
        ClaimAction action = type == null ? null : switch (type) {
            case ASSESSMENT_COMPLETED -> ClaimAction.START_ASSESSMENT;
            case DECISION_APPROVED -> ClaimAction.DECIDE;
            case APPEAL_LODGED -> ClaimAction.APPEAL;
            default -> null;
        };
        if (action == null) {
            return; // the other events move no claim
        }
        UUID claimId = ((ClaimEvent) event.payload(type.payload(), json)).claimId();
        if (store.appliedEvent(event.eventId())) {
            return;
        }
        Optional<Claim> claim = store.find(claimId);
        if (action == ClaimAction.START_ASSESSMENT && claim.isPresent() && claim.get().status() != ClaimStatus.LODGED) {
            return; // a later run of the assessment (under assessment, or re-assessed on appeal): nothing to move
        }
        if (claim.isEmpty() || !action.allowedFrom(claim.get().status())) {
            LOG.warn("{} {} of claim {} not applied: the claim is {}", event.type(), event.eventId(), claimId,
                    claim.map(c -> c.status().name()).orElse("not found"));
            return;
        }
        move(claim.get(), action, Optional.empty(), 0, null, event.eventId());
    }

    private Claim move(Claim current, ClaimAction action, Optional<Long> expectedVersion, int firstInstanceDays,
                       @Nullable String reason, @Nullable UUID sourceEvent) {
        UUID id = current.id();
        expectedVersion.ifPresent(v -> checkVersion(current, v));
        Claim moved;
        try {
            moved = current.move(action, now(), firstInstanceDays).claim();
        } catch (Claim.Refused refused) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, refused.getMessage());
        }
        if (!store.transition(moved, current.status(), current.version(), action, reason, sourceEvent)) {
            throw new ProblemException(ProblemType.CONFLICT, "The claim changed meanwhile; read it again.");
        }
        audit.record("claim." + action.path(), RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        if (action == ClaimAction.LODGE) {
            List<String> nationalities = applicants.find(current.applicantId(), false)
                    .map(a -> a.nationalities().stream().filter(n -> !n.imposed()).map(Nationality::country).toList())
                    .orElse(List.of());
            outbox.publish(EventType.CLAIM_LODGED, id, new IntakeEvents.ClaimLodged(id, current.applicantId(), moved.lodgedOn(), moved.firstInstanceDeadline(),
                    current.military().status().name(), nationalities));
        }
        outbox.publish(EventType.CLAIM_STATUS_CHANGED, id, new IntakeEvents.ClaimStatusChanged(id, current.applicantId(),
                action.name(), current.status(), moved.status(), moved.updatedAt()));
        return moved;
    }

    /** A supervisor assigns (or, with null, unassigns) a claim; the assignment decides need to know. */
    @Transactional
    public Claim assign(UUID id, @Nullable String caseworker, Optional<Long> expectedVersion) {
        Claim current = found(id, "claim.assign", store.find(id));
        expectedVersion.ifPresent(v -> checkVersion(current, v));
        Claim assigned = current.assignedTo(caseworker == null || caseworker.isBlank() ? null : caseworker.strip(), now());
        if (!store.assign(assigned, current.version())) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The claim changed meanwhile; read it again.");
        }
        audit.record("claim.assign", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        return assigned;
    }

    /** The team's workload: open claims per assigned caseworker (null: unassigned), and how many are overdue. */
    @Transactional
    public List<Workload> workload() {
        List<Workload> workload = store.workload(LocalDate.now(clock));
        audit.record("claim.workload", RESOURCE, "team", AuditTrail.Outcome.SUCCESS);
        return workload;
    }

    /**
     * The document the assessment engine reads: genuine nationalities, age today, declared facts. The facts carry the
     * applicant's special-category data: open to supervisors and the claim's assigned caseworker; anyone else of the
     * tenant states a reason (break-glass), recorded in the audit chain.
     */
    @Transactional
    public ClaimFacts facts(UUID id, Optional<String> reason) {
        Claim claim = found(id, "claim.facts", store.find(id));
        boolean needToKnow = AccessReason.needToKnow(Caller.require(), claim.assignedCaseworker());
        if (!needToKnow && reason.isEmpty()) {
            throw AccessReason.required("claim's facts").audited("claim.facts", RESOURCE, id.toString());
        }
        AuditTrail.Detail detail = new AuditTrail.Detail(true, needToKnow ? null : reason.get());
        audit.record("claim.facts", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS, detail);
        Applicant applicant = applicants.find(claim.applicantId(), true)
                .orElseThrow(() -> new IllegalStateException("claim without applicant"));
        audit.record("applicant.read", "applicant", applicant.id().toString(), AuditTrail.Outcome.SUCCESS, detail);
        return factsOf(claim, applicant, LocalDate.now(clock));
    }

    /** The largest page of open claims' facts one request reads. */
    public static final int FACTS_PAGE = 500;

    /** The statuses of a claim whose recommendation can still change: lodged, or under assessment. */
    private static final Set<ClaimStatus> OPEN = Set.of(ClaimStatus.LODGED, ClaimStatus.UNDER_ASSESSMENT);

    /**
     * A page of the open claims' facts, oldest first, for a stated purpose only (the impact of a policy pack): every
     * claim and applicant read is named in the audit chain with that purpose, as special-category data opened.
     */
    @Transactional
    public ClaimFacts.Page openFacts(@Nullable String cursor, int limit, Optional<String> reason) {
        if (reason.isEmpty()) {
            throw AccessReason.required("open claims' facts").audited("claim.facts", RESOURCE, "open");
        }
        Slice<Claim> page = Slice.of(store.page(ClaimOrder.CREATED, cursor, limit + 1,
                new ClaimFilter(OPEN, Optional.empty(), Optional.empty(), Optional.empty())), limit);
        AuditTrail.Detail detail = new AuditTrail.Detail(true, reason.get());
        Map<UUID, Applicant> people = applicants.withIds(page.items().stream().map(Claim::applicantId).distinct().toList(), true)
                .stream().collect(Collectors.toMap(Applicant::id, a -> a));
        if (!page.items().isEmpty()) {
            audit.record("claim.facts", RESOURCE, page.items().stream().map(c -> c.id().toString()).collect(Collectors.joining(",")),
                    AuditTrail.Outcome.SUCCESS, detail);
            audit.record("applicant.read", "applicant", String.join(",", people.keySet().stream().map(UUID::toString).toList()),
                    AuditTrail.Outcome.SUCCESS, detail);
        }
        LocalDate today = LocalDate.now(clock);
        List<ClaimFacts> items = page.items().stream().map(c -> factsOf(c, people.get(c.applicantId()), today)).toList();
        return new ClaimFacts.Page(items, page.more() ? ClaimStore.cursorAfter(ClaimOrder.CREATED, page.items().get(page.items().size() - 1)) : null);
    }

    /** The document the engine reads: genuine nationalities, age on {@code today}, the declared facts. */
    private static ClaimFacts factsOf(Claim claim, Applicant applicant, LocalDate today) {
        SpecialCategory special = applicant.special();
        ClaimFacts.ApplicantFacts facts = new ClaimFacts.ApplicantFacts(
                applicant.nationalities().stream().filter(n -> !n.imposed()).map(Nationality::country).toList(),
                applicant.nationalities().stream().filter(Nationality::imposed).map(Nationality::country).toList(),
                applicant.birthDate() == null ? null : Period.between(applicant.birthDate(), today).getYears(),
                applicant.regionOfOrigin(), Boolean.TRUE.equals(special.ethnicMinority()), special.religion(),
                Boolean.TRUE.equals(special.lgbtqi()),
                special.politicalActivity() == null ? List.of() : special.politicalActivity(), applicant.sex());
        return new ClaimFacts(claim.id(), today, facts, claim.military(), claim.credibility());
    }

    /** Credibility findings are a caseworker's or supervisor's to set, never an integrator's. */
    private static boolean maySetCredibility(Caller caller) {
        return caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR);
    }

    private static ProblemException credibilityRefused() {
        return new ProblemException(ProblemType.FORBIDDEN, "Credibility findings are a caseworker's or supervisor's to set.",
                List.of(new Problem.Violation("credibility", "may not be set or changed by an integrator")));
    }

    /** A missing (or another tenant's) claim: the attempt is audited, then answered 404. */
    private Claim found(UUID id, String action, Optional<Claim> claim) {
        if (claim.isEmpty()) {
            throw ProblemException.notFound("Claim").audited(action, RESOURCE, id.toString());
        }
        return claim.get();
    }

    private static ProblemException unknownApplicant() {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The claim names an unknown applicant.",
                List.of(new Problem.Violation("applicantId", "must be an applicant of this organization")));
    }

    private static void checkCredibility(ClaimRequest request) {
        List<Problem.Violation> violations = Credibility.check(request.credibilityOrEmpty()).stream()
                .map(invalid -> new Problem.Violation("credibility." + invalid.fact(), invalid.reason())).toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.get(0).field() + " " + violations.get(0).message(),
                    violations);
        }
    }

    private static void checkVersion(Claim current, long expected) {
        if (current.version() != expected) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The claim is at version " + current.version()
                    + ", not " + expected + "; read it again and reapply your change.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
