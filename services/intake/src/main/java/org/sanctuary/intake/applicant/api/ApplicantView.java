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
 * An applicant as the API shows it. {@code special} is present only for caseworkers and
 * supervisors; for every other role it is omitted, not emptied.
 */
@Serdeable
public record ApplicantView(UUID id, long version, PersonName name, PersonName latinName,
                            List<Nationality> nationalities, @Nullable LocalDate birthDate, Sex sex,
                            List<String> languages, @Nullable Contact contact, @Nullable RegionOfOrigin regionOfOrigin,
                            List<HouseholdLink> household, @Nullable SpecialCategory special,
                            Instant createdAt, Instant updatedAt) {

    public static ApplicantView of(Applicant a, boolean showSpecial) {
        return new ApplicantView(a.id(), a.version(), a.name(), a.latinName(), a.nationalities(), a.birthDate(),
                a.sex(), a.languages(), a.contact(), a.regionOfOrigin(), a.household(),
                showSpecial ? a.special() : null, a.createdAt(), a.updatedAt());
    }

    @Serdeable
    public record Page(List<ApplicantView> items, @Nullable String next) {
    }
}
