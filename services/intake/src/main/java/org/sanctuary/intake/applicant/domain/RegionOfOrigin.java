package org.sanctuary.intake.applicant.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where he lived; matched against the COI's {@code occupiedRegions} by the assessment. */
@Serdeable
public record RegionOfOrigin(@NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String country,
                             @Nullable @Size(max = 200) String region) {
}
