package org.sanctuary.intake.applicant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An applicant as stored, special-category data already decrypted. */
public record Applicant(UUID id, long version, PersonName name, PersonName latinName, List<Nationality> nationalities,
                        LocalDate birthDate, Sex sex, List<String> languages, Contact contact,
                        RegionOfOrigin regionOfOrigin, List<HouseholdLink> household, SpecialCategory special,
                        Instant createdAt, Instant updatedAt) {
}
