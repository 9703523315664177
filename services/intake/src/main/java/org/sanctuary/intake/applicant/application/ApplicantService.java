package org.sanctuary.intake.applicant.application;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.idempotency.IdempotencyKeys;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.persistence.Cursor;
import org.sanctuary.common.persistence.Slice;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.contracts.event.IntakeEvents;
import org.sanctuary.intake.applicant.domain.Applicant;
import org.sanctuary.intake.applicant.domain.HouseholdLink;
import org.sanctuary.intake.applicant.domain.IcaoTransliterator;
import org.sanctuary.intake.applicant.domain.NameKey;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;
import org.sanctuary.intake.applicant.persistence.ApplicantStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registering, reading and correcting applicants: each call one transaction, audited, with its event. */
@Singleton
public class ApplicantService {

    public static final String RESOURCE = "applicant";

    public record Created(Applicant applicant, boolean replay) {
    }

    private final ApplicantStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final NeedToKnow needToKnow;
    private final Clock clock;

    public ApplicantService(ApplicantStore store, AuditTrail audit, Outbox outbox, IdempotencyKeys idempotency,
                            JsonMapper json, NeedToKnow needToKnow, Clock clock) {
        this.clock = clock;
        this.needToKnow = needToKnow;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.json = json;
    }

    public static boolean maySeeSpecialCategory(Caller caller) {
        return caller.hasAnyRole(Roles.CASEWORKER, Roles.SUPERVISOR);
    }

    /** An applicant as read, with whether his special-category fields were withheld from this caller. */
    public record Read(Applicant applicant, boolean specialWithheld) {
    }

    @Transactional
    public Created register(ApplicantRequest request, Optional<String> idempotencyKey) {
        boolean special = maySeeSpecialCategory(Caller.require());
        if (!special && request.special() != null) {
            throw specialRefused();
        }
        IdempotencyKeys.Claimed claimed = idempotency.claim(RESOURCE, idempotencyKey, bytes(request));
        if (claimed.replay()) {
            Applicant earlier = store.find(claimed.resourceId(), special)
                    .orElseThrow(() -> new IllegalStateException("idempotent create lost its applicant"));
            audit.record("applicant.read", RESOURCE, earlier.id().toString(), AuditTrail.Outcome.SUCCESS);
            return new Created(earlier, true);
        }
        checkHousehold(claimed.resourceId(), request.householdOrEmpty());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Applicant applicant = build(claimed.resourceId(), 1, request, now, now);
        store.insert(applicant, nameKey(applicant));
        audit.record("applicant.create", RESOURCE, applicant.id().toString(), AuditTrail.Outcome.SUCCESS);
        outbox.publish(EventType.APPLICANT_REGISTERED, applicant.id(), event(applicant));
        return new Created(special ? applicant : withoutSpecial(applicant), false);
    }

    /**
     * One applicant (a 404 is audited too); his special-category fields only on need to know ({@link NeedToKnow}), or with a
     * stated reason (break-glass) — the audit entry records both whether they were decrypted and the reason.
     */
    @Transactional
    public Read get(UUID id, Optional<String> reason) {
        NeedToKnow.Access access = needToKnow.applicant(id, reason);
        boolean open = access == NeedToKnow.Access.NEED_TO_KNOW || access == NeedToKnow.Access.BREAK_GLASS;
        String stated = access == NeedToKnow.Access.BREAK_GLASS ? reason.get() : null;
        Applicant applicant = store.find(id, open).orElseThrow(() -> ProblemException.notFound("Applicant")
                .audited("applicant.read", RESOURCE, id.toString(), stated));
        audit.record("applicant.read", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS, new AuditTrail.Detail(open, stated));
        return new Read(applicant, access == NeedToKnow.Access.WITHHELD);
    }

    /** The applicants with these ids (at most a page), e.g. the names beside a list of claims; never special fields. */
    @Transactional
    public List<Applicant> withIds(Set<UUID> ids) {
        List<Applicant> found = store.withIds(ids);
        audit.record("applicant.list", RESOURCE, found.stream().map(a -> a.id().toString()).collect(Collectors.joining(",")),
                AuditTrail.Outcome.SUCCESS);
        return found;
    }

    /** Lists never carry special-category fields, whoever asks. */
    @Transactional
    public Slice<Applicant> list(Cursor after, int limit, Optional<String> name) {
        Optional<String> key = name.filter(n -> !n.isBlank()).map(n -> NameKey.of(n, IcaoTransliterator.Variant.DEFAULT));
        Slice<Applicant> page = Slice.of(store.page(after, limit + 1, key, false), limit);
        // one entry names every applicant whose data the page showed
        audit.record("applicant.list", RESOURCE,
                page.items().stream().map(a -> a.id().toString()).collect(Collectors.joining(",")),
                AuditTrail.Outcome.SUCCESS);
        return page;
    }

    /**
     * A write never changes what its caller may not read: without need to know (or a stated reason) the
     * special-category fields stay as they are, and sending them is a 403 naming the field. Every refusal is raised
     * before the row is written; a refusal is audited once the transaction has rolled back.
     */
    @Transactional
    public Read update(UUID id, long expectedVersion, ApplicantRequest request, Optional<String> reason) {
        Applicant current = store.find(id, false).orElse(null);
        if (current == null) {
            throw ProblemException.notFound("Applicant").audited("applicant.update", RESOURCE, id.toString());
        }
        if (current.version() != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The applicant is at version " + current.version() + ", not " + expectedVersion
                            + "; read it again and reapply your change.");
        }
        NeedToKnow.Access access = needToKnow.applicant(id, reason);
        boolean writeSpecial = access == NeedToKnow.Access.NEED_TO_KNOW || access == NeedToKnow.Access.BREAK_GLASS;
        if (!writeSpecial && request.special() != null) {
            throw specialRefused().audited("applicant.update", RESOURCE, id.toString());
        }
        checkHousehold(id, request.householdOrEmpty());
        Applicant updated = build(id, expectedVersion + 1, request, current.createdAt(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        if (!store.update(updated, nameKey(updated), expectedVersion, writeSpecial)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The applicant changed meanwhile; read it again.");
        }
        audit.record("applicant.update", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS,
                new AuditTrail.Detail(false, access == NeedToKnow.Access.BREAK_GLASS ? reason.get() : null));
        outbox.publish(EventType.APPLICANT_UPDATED, id, event(updated));
        return new Read(writeSpecial ? updated : withoutSpecial(updated), access == NeedToKnow.Access.WITHHELD);
    }

    private static ProblemException specialRefused() {
        return new ProblemException(ProblemType.FORBIDDEN, "Special-category fields can only be written by whoever may read them.",
                List.of(new Problem.Violation("special", "not yours to write: you may not read it "
                        + "(integrators never; caseworkers on need to know, or with " + AccessReason.HEADER + ")")));
    }

    private void checkHousehold(UUID self, List<HouseholdLink> household) {
        Set<UUID> ids = household.stream().map(HouseholdLink::applicantId).collect(Collectors.toSet());
        if (ids.contains(self)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "An applicant cannot be in his own household.",
                    List.of(new Problem.Violation("household", "links to the applicant himself")));
        }
        if (store.countExisting(ids) != ids.size()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "A household link names an unknown applicant.",
                    List.of(new Problem.Violation("household", "every applicantId must be an applicant of this organization")));
        }
    }

    private static Applicant build(UUID id, long version, ApplicantRequest r, Instant created, Instant updated) {
        IcaoTransliterator.Variant variant = IcaoTransliterator.variantFor(r.nationalities());
        PersonName latin = IcaoTransliterator.toLatin(r.name(), variant);
        return new Applicant(id, version, r.name(), latin, r.nationalities(), r.birthDate(), r.sex(),
                r.languagesOrEmpty(), r.contact(), r.regionOfOrigin(), r.householdOrEmpty(), r.specialOrNone(),
                created, updated);
    }

    private static String nameKey(Applicant a) {
        return NameKey.of(a.name(), IcaoTransliterator.variantFor(a.nationalities()));
    }

    private static Applicant withoutSpecial(Applicant a) {
        return new Applicant(a.id(), a.version(), a.name(), a.latinName(), a.nationalities(), a.birthDate(), a.sex(),
                a.languages(), a.contact(), a.regionOfOrigin(), a.household(), null, a.createdAt(), a.updatedAt());
    }

    private static IntakeEvents.ApplicantChanged event(Applicant a) {
        return new IntakeEvents.ApplicantChanged(a.id(), a.version(), a.nationalities().stream().map(Nationality::country).toList());
    }

    private byte[] bytes(Object request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
