package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Engine;
import org.sanctuary.assessment.engine.Finding;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.assessment.engine.Recommendation;
import org.sanctuary.assessment.upstream.Upstream;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The impact of a pack before it is published: the engine run over every open claim of the organization with that
 * pack and with the pack in force, today, and the two compared. Nothing is stored; the facts are read from intake as
 * the caller, for this purpose (intake audits every claim read), and only the comparison leaves: recommendations
 * from → to, and — to a supervisor only — per changed claim its id and the rules whose result changed. A policy
 * administrator sees the counts, never which claims: a pack written to switch one rule on special-category data off
 * would otherwise name the claimants it concerns (docs/decisions.md).
 */
@Singleton
public class PackImpact {

    /** At most this many changed claims are listed one by one; the counts always cover every claim. */
    public static final int LISTED = 1_000;

    /** How many claims went from one recommendation to another (the same one: unchanged). */
    @Serdeable
    public record Transition(Recommendation from, Recommendation to, int claims) {
    }

    /** A rule whose result differs: under the pack in force, under the compared pack. */
    @Serdeable
    public record FindingChange(String rule, Finding.Result from, Finding.Result to) {
    }

    /** One claim whose assessment differs: both recommendations (equal when only findings changed), the findings that changed. */
    @Serdeable
    public record ClaimChange(java.util.UUID claimId, Recommendation from, Recommendation to, List<FindingChange> findings) {
    }

    /**
     * The comparison. {@code compared}: the version compared (null for a submitted document); {@code inForce}: the
     * version in force today; {@code claims}: open claims assessed; {@code recommendationsChanged} and
     * {@code findingsChanged}: claims whose recommendation, or only some finding, differs; {@code claimsShown}: whether
     * the caller may see which claims (supervisors); {@code changes}: then the first {@value #LISTED} claims that
     * differ, oldest first (else none); {@code listComplete}: every claim that differs is in {@code changes}.
     */
    @Serdeable
    public record Impact(@Nullable Integer compared, int inForce, LocalDate assessmentDate, int claims, int recommendationsChanged,
                         int findingsChanged, List<Transition> transitions, boolean claimsShown, List<ClaimChange> changes,
                         boolean listComplete) {
    }

    private final Engine engine = new Engine();
    private final Upstream upstream;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    PackImpact(Upstream upstream, AuditTrail audit, Clock clock, TransactionOperations<Connection> transactions) {
        this.upstream = upstream;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The impact of version {@code version} of the organization's packs (a draft, typically). */
    public Impact ofVersion(int version) {
        return compare(upstream.packVersion(version), version);
    }

    /** The impact of a pack document the caller submits (one not saved, or a supervisor's copy). */
    public Impact ofDocument(PolicyPack pack) {
        return compare(pack, null);
    }

    private Impact compare(PolicyPack candidate, @Nullable Integer version) {
        LocalDate today = LocalDate.now(clock);
        Upstream.EffectivePack current = upstream.policy(today);
        String purpose = "policy impact of pack " + (version == null ? "submitted for comparison" : "version " + version);
        boolean showsClaims = Caller.require().hasAnyRole(Roles.SUPERVISOR);
        Map<Recommendation, Map<Recommendation, Integer>> counts = new EnumMap<>(Recommendation.class);
        List<ClaimChange> changes = new ArrayList<>();
        int claims = 0;
        int recommendations = 0;
        int findings = 0;
        String cursor = null;
        do {
            Upstream.OpenClaims page = upstream.openClaims(cursor, purpose);
            for (Upstream.OpenClaim claim : page.items()) {
                Assessment before = engine.assessCodesOnly(current.pack(), claim.facts(), today, Integer.toString(current.version()));
                Assessment after = engine.assessCodesOnly(candidate, claim.facts(), today, version == null ? "submitted" : version.toString());
                counts.computeIfAbsent(before.recommendation(), r -> new EnumMap<>(Recommendation.class))
                        .merge(after.recommendation(), 1, Integer::sum);
                claims++;
                ClaimChange change = difference(claim.claimId(), before, after);
                if (change != null) {
                    if (change.from() != change.to()) {
                        recommendations++;
                    } else {
                        findings++;
                    }
                    if (showsClaims && changes.size() < LISTED) {
                        changes.add(change);
                    }
                }
            }
            cursor = page.next();
        } while (cursor != null);
        String subject = version == null ? "submitted" : Integer.toString(version);
        transactions.executeWrite(status -> {
            audit.record("policy.impact", "policy-pack", subject, AuditTrail.Outcome.SUCCESS);
            return null;
        });
        List<Transition> transitions = new ArrayList<>();
        counts.forEach((from, tos) -> tos.forEach((to, n) -> transitions.add(new Transition(from, to, n))));
        return new Impact(version, current.version(), today, claims, recommendations, findings, transitions, showsClaims, changes,
                showsClaims && recommendations + findings <= LISTED);
    }

    /** What differs between two assessments of one claim, or null when nothing does. */
    static @Nullable ClaimChange difference(java.util.UUID claimId, Assessment before, Assessment after) {
        Map<String, Finding.Result> was = new java.util.HashMap<>();
        before.findings().forEach(f -> was.put(f.rule(), f.result()));
        List<FindingChange> changed = new ArrayList<>();
        for (Finding finding : after.findings()) {
            Finding.Result then = was.getOrDefault(finding.rule(), Finding.Result.NOT_APPLICABLE);
            if (then != finding.result()) {
                changed.add(new FindingChange(finding.rule(), then, finding.result()));
            }
        }
        if (changed.isEmpty() && before.recommendation() == after.recommendation()) {
            return null;
        }
        return new ClaimChange(claimId, before.recommendation(), after.recommendation(), changed);
    }
}
