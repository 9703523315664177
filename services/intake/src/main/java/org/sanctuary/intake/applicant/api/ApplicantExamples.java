package org.sanctuary.intake.applicant.api;

/** Request bodies shown as examples in the API document (fictional people). */
final class ApplicantExamples {

    private ApplicantExamples() {
    }

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
}
