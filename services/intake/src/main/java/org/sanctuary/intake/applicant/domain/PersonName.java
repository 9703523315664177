package org.sanctuary.intake.applicant.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A name as the person writes it, in the original script (Cyrillic, Georgian, Latin, …). */
@Serdeable
public record PersonName(@NotBlank @Size(max = 200) String given,
                         @NotBlank @Size(max = 200) String family,
                         @Nullable @Size(max = 200) String patronymic) {
}
