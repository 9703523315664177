package org.sanctuary.assessment.evaluation;

import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Reasons;

import java.time.Instant;
import java.util.UUID;

/** One engine run on a claim, as stored: run 1, 2, … per claim, with the pack version it read. */
@Serdeable
public record StoredAssessment(UUID id, UUID claimId, UUID applicantId, int run, int packVersion, Instant createdAt,
                               String createdBy, Assessment result) {

    /** This run with its findings' titles and reasons in {@code language} (the stored codes rendered again). */
    public StoredAssessment in(java.util.Locale language) {
        return new StoredAssessment(id, claimId, applicantId, run, packVersion, createdAt, createdBy, Reasons.in(result, language));
    }
}
