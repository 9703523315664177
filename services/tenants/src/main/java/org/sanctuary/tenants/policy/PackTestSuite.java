package org.sanctuary.tenants.policy;

import io.micronaut.core.annotation.Nullable;
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

    private final @Nullable AssessmentClient assessment;
    private final JsonMapper json;

    PackTestSuite(@Nullable AssessmentClient assessment, JsonMapper json) {
        this.assessment = assessment;
        this.json = json;
    }

    /** One sample case's outcome: its id, whether the engine gave what it expects, and each difference in words. */
    @Serdeable
    public record CaseResult(int index, String id, boolean passed, List<String> problems) {
    }

    /** The failing cases as violations at {@code sampleCases[i]}; empty when the pack has none or all pass. */
    public List<Problem.Violation> failures(JsonNode pack) {
        return results(pack).stream().filter(r -> !r.passed())
                .map(r -> new Problem.Violation("sampleCases[" + r.index() + "]", r.id() + ": " + String.join("; ", r.problems())))
                .toList();
    }

    /** A sample case of the pack ({@code sampleCases[]} of the pack's schema): facts and what the engine must answer. */
    @Serdeable
    record SampleCase(String id, Map<String, Object> facts, @Nullable String assessmentDate, Expected expected) {
    }

    /** A sample case's expectations: the recommendation, and optionally rules met and not met, grounds, non-refoulement. */
    @Serdeable
    record Expected(String recommendation, @Nullable List<String> rulesMet, @Nullable List<String> rulesNotMet,
                    @Nullable List<String> grounds, @Nullable Boolean nonRefoulement) {
    }

    /** The pack's sample cases as records (the pack was validated against its schema before). */
    @Serdeable
    record SampleCases(@Nullable List<SampleCase> sampleCases) {
    }

    /** Every sample case of the pack run through the assessment's simulation with the pack itself, as the caller. */
    public List<CaseResult> results(JsonNode pack) {
        List<SampleCase> cases = read(pack).sampleCases();
        if (cases == null || cases.isEmpty()) {
            return List.of();
        }
        if (assessment == null) {
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "This pack carries sample cases, but no assessment service is configured to run them; it cannot be published here.");
        }
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            SampleCase sample = cases.get(i);
            List<String> problems;
            try {
                problems = compare(sample.expected(), assessment.simulate(new AssessmentClient.Simulation(pack, sample.facts(),
                        sample.assessmentDate())));
            } catch (HttpClientResponseException e) {
                if (e.getStatus().getCode() >= 500) {
                    throw unavailable();
                }
                problems = List.of("the assessment refused its facts: " + e.getResponse().getBody(String.class).orElse(e.getMessage()));
            } catch (HttpClientException e) {
                throw unavailable();
            }
            results.add(new CaseResult(i, sample.id(), problems.isEmpty(), problems));
        }
        return results;
    }

    private SampleCases read(JsonNode pack) {
        try {
            return json.readValueFromTree(pack, SampleCases.class);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The pack's sample cases cannot be read: " + e.getMessage());
        }
    }

    private static List<String> compare(Expected expected, AssessmentClient.Assessed result) {
        List<String> problems = new ArrayList<>();
        if (!expected.recommendation().equals(result.recommendation())) {
            problems.add("expected " + expected.recommendation() + ", the engine recommends " + result.recommendation());
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (AssessmentClient.Finding finding : result.findings()) {
            results.put(finding.rule(), finding.result());
        }
        for (String rule : orEmpty(expected.rulesMet())) {
            if (!"MET".equals(results.get(rule))) {
                problems.add(rule + " expected MET, was " + results.get(rule));
            }
        }
        for (String rule : orEmpty(expected.rulesNotMet())) {
            String r = results.get(rule);
            if (!"NOT_MET".equals(r) && !"NOT_APPLICABLE".equals(r)) {
                problems.add(rule + " expected NOT_MET or NOT_APPLICABLE, was " + r);
            }
        }
        for (String ground : orEmpty(expected.grounds())) {
            if (!orEmpty(result.grounds()).contains(ground)) {
                problems.add("ground " + ground + " expected, not named");
            }
        }
        if (expected.nonRefoulement() != null && expected.nonRefoulement() != result.nonRefoulement()) {
            problems.add("nonRefoulement expected " + expected.nonRefoulement());
        }
        return problems;
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "The assessment service could not run this pack's sample cases; retry shortly.");
    }
}
