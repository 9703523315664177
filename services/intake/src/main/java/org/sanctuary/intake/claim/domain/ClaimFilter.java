package org.sanctuary.intake.claim.domain;

import org.sanctuary.contracts.claim.ClaimStatus;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a list of claims is narrowed to. {@code statuses}: any of these (empty: every status); {@code assignment}: whose
 * claims; {@code deadlineBefore}: claims whose first-instance deadline falls before that day.
 */
public record ClaimFilter(Set<ClaimStatus> statuses, Optional<UUID> applicantId, Optional<Assignment> assignment,
                          Optional<LocalDate> deadlineBefore) {

    /** Claims assigned to {@code assignee}; {@code includeUnassigned} adds those assigned to nobody (a caseworker's "my work"). */
    public record Assignment(Optional<String> assignee, boolean includeUnassigned) {
    }
}
