package org.sanctuary.intake.applicant.domain;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** A link to another applicant of the same tenant. */
@Serdeable
public record HouseholdLink(@NotNull UUID applicantId, @NotNull Relation relation) {

    public enum Relation { SPOUSE, PARTNER, CHILD, PARENT, SIBLING, OTHER }
}
