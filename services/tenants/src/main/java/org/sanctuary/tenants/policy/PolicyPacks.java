package org.sanctuary.tenants.policy;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.contracts.event.TenantEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's policy packs: drafts are validated against the schema on every write; publishing
 * fixes a version for good, from its {@code effectiveFrom}. Only the tenant's own packs exist here:
 * any other tenant id is a 404.
 */
@Singleton
public class PolicyPacks {

    private final PolicyPackStore store;
    private final PolicyPackSchema schema;
    private final Outbox outbox;
    private final JsonMapper json;
    private final PackTestSuite suite;
    private final AuditTrail audit;
    private final PackComparison comparison;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public PolicyPacks(PolicyPackStore store, PolicyPackSchema schema, Outbox outbox, JsonMapper json, PackTestSuite suite,
                       AuditTrail audit, PackComparison comparison, TransactionOperations<Connection> transactions, Clock clock) {
        this.clock = clock;
        this.suite = suite;
        this.audit = audit;
        this.comparison = comparison;
        this.transactions = transactions;
        this.store = store;
        this.schema = schema;
        this.outbox = outbox;
        this.json = json;
    }

    /** 404 unless the path names the caller's own organization: no oracle for other tenants' packs. */
    public static void requireOwn(String tenantId) {
        if (!Caller.require().tenantId().equals(tenantId)) {
            throw ProblemException.notFound("Policy pack");
        }
    }

    @Transactional
    public PolicyPack createDraft(String tenantId, String document, java.util.Locale language) {
        requireOwn(tenantId);
        schema.check(document, language);
        int version = store.insertDraft(document, now());
        audit.record("policy-pack.create-draft", "policy-pack", Integer.toString(version), AuditTrail.Outcome.SUCCESS);
        return store.find(version).orElseThrow();
    }

    @Transactional
    public PolicyPack updateDraft(String tenantId, int version, String document, java.util.Locale language) {
        requireOwn(tenantId);
        PolicyPack current = existing(version);
        if (current.status() == PolicyPack.Status.PUBLISHED) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + version
                    + " is published and cannot change; create a new draft instead.");
        }
        schema.check(document, language);
        if (!store.updateDraft(version, document, now())) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + version + " was published meanwhile.");
        }
        audit.record("policy-pack.update-draft", "policy-pack", Integer.toString(version), AuditTrail.Outcome.SUCCESS);
        return store.find(version).orElseThrow();
    }

    /**
     * Publishes a draft once it validates and its own sample cases pass through the assessment's
     * simulation (run with the publisher's token); a failing case is a 422 naming it.
     */
    @Transactional
    public PolicyPack publish(String tenantId, int version, LocalDate effectiveFrom) {
        requireOwn(tenantId);
        PolicyPack current = existing(version);
        if (current.status() == PolicyPack.Status.PUBLISHED) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + version + " is already published.");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (effectiveFrom.isBefore(today)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "effectiveFrom " + effectiveFrom
                    + " lies in the past; a new version takes effect today (" + today + ") or later.",
                    List.of(new Problem.Violation("effectiveFrom", "must be " + today + " or later")));
        }
        schema.check(text(current));
        List<Problem.Violation> failures = suite.failures(current.document());
        if (!failures.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, failures.size() + " of the pack's own sample cases fail; "
                    + "correct the pack or the cases' expectations.", failures);
        }
        if (!store.publish(version, effectiveFrom, now())) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + version + " was published meanwhile.");
        }
        outbox.publish(EventType.POLICY_PACK_PUBLISHED, tenantId + ":" + version, new TenantEvents.PackPublished(tenantId, version, effectiveFrom));
        audit.record("policy-pack.publish", "policy-pack", version + "@" + effectiveFrom, AuditTrail.Outcome.SUCCESS);
        return store.find(version).orElseThrow();
    }

    /** Runs a version's own sample cases, as the caller, and says for each whether it passes and why not. */
    public List<PackTestSuite.CaseResult> runSampleCases(String tenantId, int version) {
        requireOwn(tenantId);
        // no connection held while the assessment runs the cases
        PolicyPack pack = transactions.executeRead(status -> existing(version));
        List<PackTestSuite.CaseResult> results = suite.results(pack.document());
        transactions.executeWrite(status -> {
            audit.record("policy-pack.run-sample-cases", "policy-pack", Integer.toString(version), AuditTrail.Outcome.SUCCESS);
            return null;
        });
        return results;
    }

    @Transactional(readOnly = true)
    public List<PolicyPack> versions(String tenantId) {
        requireOwn(tenantId);
        return store.all().stream().map(PolicyPack::withoutDocument).toList();
    }

    @Transactional(readOnly = true)
    public PolicyPack version(String tenantId, int version) {
        requireOwn(tenantId);
        return existing(version);
    }

    /**
     * RFC 6902 JSON Patch from one version to another. Both documents are read in one short
     * transaction; the comparison runs after the connection is back in the pool, bounded by
     * {@link PackComparison}. A version stored before packs were bounded, and beyond the bounds now,
     * is not compared (422 naming the version and where it breaks them).
     */
    public String diff(String tenantId, int from, int to) {
        requireOwn(tenantId);
        String[] documents = transactions.executeRead(status -> new String[]{
                store.documentText(from).orElseThrow(() -> ProblemException.notFound("Policy pack")),
                store.documentText(to).orElseThrow(() -> ProblemException.notFound("Policy pack"))});
        comparable(from, documents[0], "version");
        comparable(to, documents[1], "to");
        return comparison.patch(tenantId, documents[0], documents[1]);
    }

    private static void comparable(int version, String document, String parameter) {
        PackLimits.firstBreach(document).ifPresent(breach -> {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Version " + version + " is larger than a pack may be ("
                    + (breach.field().isEmpty() ? "its root" : breach.field()) + " " + breach.message()
                    + "); it cannot be compared.", List.of(new Problem.Violation(parameter, "version " + version
                    + " exceeds the pack bounds at " + breach.field())));
        });
    }

    /** The caller's pack in force on {@code date} (today when absent). */
    @Transactional(readOnly = true)
    public Optional<PolicyPack> effective(Optional<LocalDate> date) {
        return store.effectiveOn(date.orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    private PolicyPack existing(int version) {
        return store.find(version).orElseThrow(() -> ProblemException.notFound("Policy pack"));
    }

    private String text(PolicyPack pack) {
        try {
            return json.writeValueAsString(pack.document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
