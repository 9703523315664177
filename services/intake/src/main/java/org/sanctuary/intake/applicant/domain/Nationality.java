package org.sanctuary.intake.applicant.domain;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An ISO 3166-1 alpha-2 nationality ({@code X?} codes for fictional or stateless cases).
 * {@code imposed}: conferred against the person's will, e.g. a Russian passport issued in occupied
 * territory — recorded, never treated as a genuine nationality for protection.
 */
@Serdeable
public record Nationality(@NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String country,
                          boolean imposed) {
}
