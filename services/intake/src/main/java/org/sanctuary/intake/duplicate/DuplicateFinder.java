package org.sanctuary.intake.duplicate;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.intake.applicant.domain.Applicant;
import org.sanctuary.intake.applicant.domain.IcaoTransliterator;
import org.sanctuary.intake.applicant.domain.NameKey;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;
import org.sanctuary.intake.applicant.application.ApplicantRecords;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Candidates for "the same person registered twice", inside the caller's organization only (the
 * store scopes by tenant and RLS enforces it): same birth date, a shared nationality, and names
 * alike across scripts and spellings (ICAO transliteration, folded variants, Jaro–Winkler ≥ 0.88).
 * Only applicants sharing an indexed blocking key of the name are scored, a bounded number of them
 * ({@link DuplicateCandidates}), so a search costs the same in a register of any size.
 * A person decides whether two records are one; nothing is merged here.
 */
@Singleton
public class DuplicateFinder {

    public static final double THRESHOLD = 0.88;

    @Serdeable
    public record Candidate(UUID applicantId, PersonName name, PersonName latinName, double score, List<String> reasons) {
    }

    private final ApplicantRecords applicants;
    private final DuplicateCandidates block;
    private final AuditTrail audit;

    public DuplicateFinder(ApplicantRecords applicants, DuplicateCandidates block, AuditTrail audit) {
        this.applicants = applicants;
        this.block = block;
        this.audit = audit;
    }

    @Transactional
    public List<Candidate> candidatesFor(UUID applicantId) {
        Applicant subject = applicants.find(applicantId, false).orElse(null);
        if (subject == null) {
            throw ProblemException.notFound("Applicant").audited("applicant.duplicates", "applicant", applicantId.toString());
        }
        String key = NameKey.of(subject.name(), IcaoTransliterator.variantFor(subject.nationalities()));
        Set<String> nationalities = countries(subject.nationalities());
        // the subject's name under every transliteration variant: another's key was built with theirs
        Set<String> blocks = DuplicateCandidates.blocks(Arrays.stream(IcaoTransliterator.Variant.values())
                .map(variant -> NameKey.of(subject.name(), variant)).toList());
        List<Candidate> candidates = block.sharingABlock(subject.id(), subject.birthDate(), blocks, key).stream()
                .map(other -> score(key, nationalities, other))
                .filter(c -> c.score() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(20)
                .toList();
        audit.record("applicant.duplicates", "applicant", applicantId + ":" + candidates.stream()
                .map(c -> c.applicantId().toString()).collect(Collectors.joining(",")), AuditTrail.Outcome.SUCCESS);
        return candidates;
    }

    private static Candidate score(String key, Set<String> nationalities, DuplicateCandidates.Row other) {
        Set<String> shared = countries(other.nationalities());
        shared.retainAll(nationalities);
        if (shared.isEmpty()) {
            return new Candidate(other.id(), other.name(), other.latinName(), 0, List.of());
        }
        String otherKey = NameKey.of(other.name(), IcaoTransliterator.variantFor(other.nationalities()));
        double similarity = Math.max(NameKey.similarity(key, otherKey), withoutPatronymic(key, otherKey));
        return new Candidate(other.id(), other.name(), other.latinName(), Math.round(similarity * 1000) / 1000.0,
                List.of("same birth date", "shared nationality " + shared.stream().sorted().toList(),
                        "name match " + otherKey));
    }

    /** A patronymic recorded on one side only must not hide a match. */
    private static double withoutPatronymic(String a, String b) {
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        if (wa.length < 2 || wb.length < 2) {
            return 0;
        }
        return NameKey.similarity(wa[0] + " " + wa[1], wb[0] + " " + wb[1]);
    }

    private static Set<String> countries(List<Nationality> nationalities) {
        return nationalities.stream().map(Nationality::country).collect(Collectors.toSet());
    }
}
