package org.sanctuary.intake.applicant.api;

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

    /** Request example (the API document): a Russian reservist mobilised in September 2022 (fictional). */
    static final String EXAMPLE_RESERVIST = """
            {"name": {"given": "Артём", "family": "Лесников", "patronymic": "Игоревич"},
             "nationalities": [{"country": "RU", "imposed": false}],
             "birthDate": "1991-04-17", "sex": "MALE", "languages": ["ru", "en"],
             "contact": {"phone": "+49 151 23456789", "email": "a.lesnikov@example.org",
                         "address": "Erstaufnahmeeinrichtung, Am Wiesengrund 4, 04129 Leipzig"},
             "regionOfOrigin": {"country": "RU", "region": "Sverdlovsk Oblast"}}
            """;

    /** Request example (the API document): a Ukrainian Baptist, a conscientious objector, linked to his wife's record (fictional). */
    static final String EXAMPLE_OBJECTOR = """
            {"name": {"given": "Богдан", "family": "Яремчук", "patronymic": "Васильович"},
             "nationalities": [{"country": "UA", "imposed": false}],
             "birthDate": "1998-11-02", "sex": "MALE", "languages": ["uk", "ru"],
             "contact": {"phone": "+48 512 345 678", "address": "ul. Lipowa 7/3, 20-020 Lublin"},
             "regionOfOrigin": {"country": "UA", "region": "Zakarpattia Oblast"},
             "household": [{"applicantId": "5b0c2f7e-8d4a-4c1e-9f63-2a7d1e4b9c08", "relation": "SPOUSE"}],
             "special": {"religion": "Evangelical Christian Baptist", "ethnicMinority": false}}
            """;

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
