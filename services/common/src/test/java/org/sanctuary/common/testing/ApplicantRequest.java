package org.sanctuary.common.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/applicants} as a test builds it: a Russian man, born 1990-04-01, unless a
 * test says otherwise. The API's JSON shape is written here once, so a renamed field is mended in one place.
 */
public final class ApplicantRequest {

    private final String given;
    private final String family;
    private final List<Map<String, Object>> nationalities = new ArrayList<>();
    private String birthDate = "1990-04-01";
    private String sex = "MALE";
    private List<String> languages;
    private Map<String, Object> regionOfOrigin;
    private Map<String, Object> special;

    private ApplicantRequest(String given, String family) {
        this.given = given;
        this.family = family;
    }

    public static ApplicantRequest named(String given, String family) {
        return new ApplicantRequest(given, family);
    }

    /** A nationality the applicant holds by choice; the first one given replaces the default (RU). */
    public ApplicantRequest nationality(String country) {
        nationalities.add(Map.of("country", country, "imposed", false));
        return this;
    }

    /** A nationality imposed on the applicant (an occupying power's passport). */
    public ApplicantRequest imposedNationality(String country) {
        nationalities.add(Map.of("country", country, "imposed", true));
        return this;
    }

    public ApplicantRequest born(String isoDate) {
        this.birthDate = isoDate;
        return this;
    }

    /** No birth date at all (an applicant who does not know it). */
    public ApplicantRequest birthDateUnknown() {
        this.birthDate = null;
        return this;
    }

    public ApplicantRequest sex(String sex) {
        this.sex = sex;
        return this;
    }

    public ApplicantRequest languages(String... languages) {
        this.languages = List.of(languages);
        return this;
    }

    public ApplicantRequest regionOfOrigin(String country, String region) {
        this.regionOfOrigin = Map.of("country", country, "region", region);
        return this;
    }

    /** Special-category data (Art. 9 GDPR), as the API names its fields. */
    public ApplicantRequest special(Map<String, Object> special) {
        this.special = special;
        return this;
    }

    /** The JSON object, mutable for a test that then breaks it on purpose. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("given", given, "family", family));
        body.put("nationalities", nationalities.isEmpty()
                ? List.of(Map.of("country", "RU", "imposed", false)) : List.copyOf(nationalities));
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        }
        body.put("sex", sex);
        if (languages != null) {
            body.put("languages", languages);
        }
        if (regionOfOrigin != null) {
            body.put("regionOfOrigin", regionOfOrigin);
        }
        if (special != null) {
            body.put("special", special);
        }
        return body;
    }
}
