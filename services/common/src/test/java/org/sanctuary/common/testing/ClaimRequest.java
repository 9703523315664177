package org.sanctuary.common.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/claims} as a test builds it: by default a Russian reservist mobilised by the
 * state, called up in person on 2022-09-23, neither served nor deserted, his military status and call-up
 * accepted as credible. The API's JSON shape is written here once.
 */
public final class ClaimRequest {

    private final Object applicantId;
    private final Map<String, Object> military = new LinkedHashMap<>();
    private final Map<String, Object> credibility = new LinkedHashMap<>();
    private boolean credibilityOmitted;

    private ClaimRequest(Object applicantId) {
        this.applicantId = applicantId;
        military.put("status", "MOBILISED_RESERVIST");
        military.put("recruitingActor", "STATE");
        military.put("recruitingCountry", "RU");
        military.put("callUp", callUp("2022-09-23", "IN_PERSON"));
        military.put("served", false);
        military.put("deserted", false);
        credibility.put("militaryStatus", "ACCEPTED");
        credibility.put("callUp", "ACCEPTED");
    }

    public static ClaimRequest forApplicant(Object applicantId) {
        return new ClaimRequest(applicantId);
    }

    /** A call-up received on {@code date} through {@code channel} (not a punitive one). */
    public static Map<String, Object> callUp(String date, String channel) {
        return Map.of("received", true, "date", date, "channel", channel, "punitive", false);
    }

    /** A call-up received, its date and channel not recorded (not a punitive one). */
    public static Map<String, Object> callUpReceived() {
        return Map.of("received", true, "punitive", false);
    }

    public ClaimRequest militaryStatus(String status) {
        military.put("status", status);
        return this;
    }

    /** Sets one field of the military profile ({@code null} removes it). */
    public ClaimRequest military(String field, Object value) {
        if (value == null) {
            military.remove(field);
        } else {
            military.put(field, value);
        }
        return this;
    }

    /** Only the military status: every other field of the profile left out. */
    public ClaimRequest statusOnly() {
        military.keySet().retainAll(java.util.Set.of("status"));
        credibility.keySet().retainAll(java.util.Set.of("militaryStatus"));
        return this;
    }

    /** The caseworker's credibility finding on {@code fact} (ACCEPTED, REJECTED, …; {@code null} removes it). */
    public ClaimRequest credibility(String fact, String finding) {
        if (finding == null) {
            credibility.remove(fact);
        } else {
            credibility.put(fact, finding);
            credibilityOmitted = false;
        }
        return this;
    }

    /**
     * No {@code credibility} object in the body at all (not even an empty one), as a caller sends who makes no
     * credibility findings; a later {@link #credibility(String, String)} with a finding brings it back.
     */
    public ClaimRequest withoutCredibility() {
        credibility.clear();
        credibilityOmitted = true;
        return this;
    }

    /** The JSON object, mutable for a test that then breaks it on purpose. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicantId", applicantId);
        body.put("military", new LinkedHashMap<>(military));
        if (!credibilityOmitted) {
            body.put("credibility", new LinkedHashMap<>(credibility));
        }
        return body;
    }
}
