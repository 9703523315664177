package org.sanctuary.intake.applicant.application;

import jakarta.inject.Singleton;
import org.sanctuary.intake.applicant.domain.Applicant;
import org.sanctuary.intake.applicant.persistence.ApplicantStore;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applicants as intake's other features read them (a claim's facts, the duplicate search), inside the caller's
 * transaction: the applicant feature's one door to its records. The caller audits what it shows, and opens the
 * special-category fields only where it has decided the reader may see them.
 */
@Singleton
public class ApplicantRecords {

    private final ApplicantStore store;

    ApplicantRecords(ApplicantStore store) {
        this.store = store;
    }

    public Optional<Applicant> find(UUID id, boolean openSpecial) {
        return store.find(id, openSpecial);
    }

    public List<Applicant> withIds(Collection<UUID> ids, boolean openSpecial) {
        return store.withIds(ids, openSpecial);
    }
}
