package org.sanctuary.intake.claim.api;

/** Request bodies shown as examples in the API document (fictional claims). */
final class ClaimExamples {

    private ClaimExamples() {
    }

    /** Request example (the API document): a Russian reservist's claim; he served as a conscript, then was mobilised (fictional). */
    static final String EXAMPLE_RESERVIST = """
            {"applicantId": "0b7e4d2a-3c1f-4e8b-9a65-7d2f1c0e8b43",
             "military": {"status": "MOBILISED_RESERVIST", "recruitingActor": "STATE", "recruitingCountry": "RU",
                          "callUp": {"received": true, "date": "2022-09-23", "channel": "WORKPLACE", "punitive": false},
                          "unit": {"role": "reserve junior sergeant, motor rifle troops", "implicatedInCrimes": false},
                          "served": true, "deserted": false, "illTreatmentSuffered": [], "exclusionIndicators": []},
             "credibility": {"militaryStatus": "ACCEPTED", "callUp": "ACCEPTED", "unit": "BENEFIT_OF_DOUBT"}}
            """;

    /** Request example (the API document): a Ukrainian absolute objector on religious grounds, stopped in the street (fictional). */
    static final String EXAMPLE_OBJECTOR = """
            {"applicantId": "9d3a6f1c-2b7e-4c58-8e04-6a1b5f9c2d71",
             "military": {"status": "OBJECTOR_ABSOLUTE", "recruitingActor": "STATE", "recruitingCountry": "UA",
                          "callUp": {"received": true, "date": "2024-06-11", "channel": "STREET", "punitive": false},
                          "objection": {"held": true, "kind": "ABSOLUTE", "basis": "RELIGIOUS", "procedureUsed": true}},
             "credibility": {"militaryStatus": "ACCEPTED", "callUp": "ACCEPTED", "objection": "ACCEPTED"}}
            """;
}
