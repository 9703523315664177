package org.sanctuary.tenants.policy;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack's own test suite ({@code sampleCases}): each case's facts run through the assessment
 * service's simulation with the pack itself, as the publishing policy administrator; every case whose
 * outcome differs from its {@code expected} (recommendation, and optionally {@code rulesMet},
 * {@code rulesNotMet}, {@code grounds}, {@code nonRefoulement} as in the acceptance suite) is reported.
 */
@Singleton
public class PackTestSuite {

    private final HttpClient http;
    private final JsonMapper json;
    private final URI simulate;

    public PackTestSuite(@Client HttpClient http, JsonMapper json, @Value("${sanctuary.assessment.url:}") String assessment) {
        this.http = http;
        this.json = json;
        this.simulate = assessment.isBlank() ? null : URI.create(assessment.replaceAll("/+$", "") + "/api/v1/assessments/simulate");
    }

    /** One sample case's outcome: its id, whether the engine gave what it expects, and each difference in words. */
    @Serdeable
    public record CaseResult(int index, String id, boolean passed, List<String> problems) {
    }

    /** The failing cases as violations at {@code sampleCases[i]}; empty when the pack has none or all pass. */
    public List<Problem.Violation> failures(JsonNode pack, String authorization) {
        return results(pack, authorization).stream().filter(r -> !r.passed())
                .map(r -> new Problem.Violation("sampleCases[" + r.index() + "]", r.id() + ": " + String.join("; ", r.problems())))
                .toList();
    }

    /** Every sample case of the pack run through the assessment's simulation with the pack itself, as the caller. */
    public List<CaseResult> results(JsonNode pack, String authorization) {
        JsonNode cases = pack.get("sampleCases");
        if (cases == null || !cases.isArray() || cases.size() == 0) {
            return List.of();
        }
        if (simulate == null) {
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "This pack carries sample cases, but no assessment service is configured to run them; it cannot be published here.");
        }
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode sample = cases.get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pack", pack);
            body.put("facts", sample.get("facts"));
            if (sample.get("assessmentDate") != null) {
                body.put("assessmentDate", sample.get("assessmentDate").getValue());
            }
            String id = sample.get("id").getStringValue();
            List<String> problems;
            try {
                JsonNode result = http.toBlocking().retrieve(HttpRequest.POST(simulate, json.writeValueAsString(body))
                        .contentType(MediaType.APPLICATION_JSON_TYPE).header("Authorization", authorization), JsonNode.class);
                problems = compare(sample.get("expected"), result);
            } catch (HttpClientResponseException e) {
                if (e.getStatus().getCode() >= 500) {
                    throw unavailable();
                }
                problems = List.of("the assessment refused its facts: " + e.getResponse().getBody(String.class).orElse(e.getMessage()));
            } catch (HttpClientException | IOException e) {
                throw unavailable();
            }
            results.add(new CaseResult(i, id, problems.isEmpty(), problems));
        }
        return results;
    }

    private static List<String> compare(JsonNode expected, JsonNode result) {
        List<String> problems = new ArrayList<>();
        String wanted = expected.get("recommendation").getStringValue();
        String got = result.get("recommendation").getStringValue();
        if (!wanted.equals(got)) {
            problems.add("expected " + wanted + ", the engine recommends " + got);
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (JsonNode finding : result.get("findings").values()) {
            results.put(finding.get("rule").getStringValue(), finding.get("result").getStringValue());
        }
        for (String rule : strings(expected.get("rulesMet"))) {
            if (!"MET".equals(results.get(rule))) {
                problems.add(rule + " expected MET, was " + results.get(rule));
            }
        }
        for (String rule : strings(expected.get("rulesNotMet"))) {
            String r = results.get(rule);
            if (!"NOT_MET".equals(r) && !"NOT_APPLICABLE".equals(r)) {
                problems.add(rule + " expected NOT_MET or NOT_APPLICABLE, was " + r);
            }
        }
        List<String> grounds = strings(result.get("grounds"));
        for (String ground : strings(expected.get("grounds"))) {
            if (!grounds.contains(ground)) {
                problems.add("ground " + ground + " expected, not named");
            }
        }
        JsonNode nonRefoulement = expected.get("nonRefoulement");
        if (nonRefoulement != null && nonRefoulement.getBooleanValue() != result.get("nonRefoulement").getBooleanValue()) {
            problems.add("nonRefoulement expected " + nonRefoulement.getBooleanValue());
        }
        return problems;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.values().forEach(v -> values.add(v.getStringValue()));
        }
        return values;
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "The assessment service could not run this pack's sample cases; retry shortly.");
    }
}
