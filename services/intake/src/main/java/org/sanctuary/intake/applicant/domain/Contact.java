package org.sanctuary.intake.applicant.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

@Serdeable
public record Contact(@Nullable @Size(max = 40) String phone,
                      @Nullable @Email @Size(max = 200) String email,
                      @Nullable @Size(max = 500) String address) {
}
