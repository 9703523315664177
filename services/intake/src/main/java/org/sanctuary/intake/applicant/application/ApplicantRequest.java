package org.sanctuary.intake.applicant.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sanctuary.intake.applicant.domain.Contact;
import org.sanctuary.intake.applicant.domain.HouseholdLink;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;
import org.sanctuary.intake.applicant.domain.RegionOfOrigin;
import org.sanctuary.intake.applicant.domain.Sex;
import org.sanctuary.intake.applicant.domain.SpecialCategory;

import java.time.LocalDate;
import java.util.List;

/** Create or full update (PUT with If-Match) of an applicant. The Latin name is computed, never sent. */
@Serdeable
public record ApplicantRequest(@NotNull @Valid PersonName name,
                               @NotEmpty @Size(max = 5) List<@Valid @NotNull Nationality> nationalities,
                               @Nullable @PastOrPresent LocalDate birthDate,
                               @NotNull Sex sex,
                               @Nullable @Size(max = 10) List<@Pattern(regexp = "^[a-z]{2,3}$", message = "must be an ISO 639 code") String> languages,
                               @Nullable @Valid Contact contact,
                               @Nullable @Valid RegionOfOrigin regionOfOrigin,
                               @Nullable @Size(max = 20) List<@Valid @NotNull HouseholdLink> household,
                               @Nullable @Valid SpecialCategory special) {

    public List<String> languagesOrEmpty() {
        return languages == null ? List.of() : languages;
    }

    public List<HouseholdLink> householdOrEmpty() {
        return household == null ? List.of() : household;
    }

    public SpecialCategory specialOrNone() {
        return special == null ? SpecialCategory.NONE : special;
    }
}
