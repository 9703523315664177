package org.sanctuary.intake.applicant.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * GDPR Art 9 data: stored encrypted under the tenant's key, shown only to caseworkers and
 * supervisors. No field here, or anywhere, for intimate evidence of sexual orientation (CJEU-ABC):
 * {@code lgbtqi} records only what the applicant declares.
 */
@Serdeable
public record SpecialCategory(@Nullable @Size(max = 200) String ethnicity,
                              @Nullable Boolean ethnicMinority,
                              @Nullable @Size(max = 200) String religion,
                              @Nullable Boolean lgbtqi,
                              @Nullable List<@Size(max = 100) String> politicalActivity,
                              @Nullable @Size(max = 2000) String health) {

    public static final SpecialCategory NONE = new SpecialCategory(null, null, null, null, List.of(), null);
}
