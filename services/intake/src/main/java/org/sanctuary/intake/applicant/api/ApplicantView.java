package org.sanctuary.intake.applicant.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.intake.applicant.domain.Applicant;
import org.sanctuary.intake.applicant.domain.Contact;
import org.sanctuary.intake.applicant.domain.HouseholdLink;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;
import org.sanctuary.intake.applicant.domain.RegionOfOrigin;
import org.sanctuary.intake.applicant.domain.Sex;
import org.sanctuary.intake.applicant.domain.SpecialCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An applicant as the API shows it. {@code special} is present only on need to know — a supervisor,
 * the assigned caseworker, or a stated reason (break-glass) — and on a single applicant, never in a list;
 * otherwise it is omitted, not emptied. {@code specialWithheld} tells a caseworker that it was withheld
 * for need to know (he may state a reason to open it); integrators never see either.
 */
@Serdeable
public record ApplicantView(UUID id, long version, PersonName name, PersonName latinName,
                            List<Nationality> nationalities, @Nullable LocalDate birthDate, Sex sex,
                            List<String> languages, @Nullable Contact contact, @Nullable RegionOfOrigin regionOfOrigin,
                            List<HouseholdLink> household, @Nullable SpecialCategory special,
                            @Nullable Boolean specialWithheld, Instant createdAt, Instant updatedAt) {

    public static ApplicantView of(Applicant a, boolean showSpecial) {
        return of(a, showSpecial, false);
    }

    public static ApplicantView of(Applicant a, boolean showSpecial, boolean specialWithheld) {
        return new ApplicantView(a.id(), a.version(), a.name(), a.latinName(), a.nationalities(), a.birthDate(),
                a.sex(), a.languages(), a.contact(), a.regionOfOrigin(), a.household(),
                showSpecial ? a.special() : null, specialWithheld ? Boolean.TRUE : null, a.createdAt(), a.updatedAt());
    }

    @Serdeable
    public record Page(List<ApplicantView> items, @Nullable String next) {
    }
}
