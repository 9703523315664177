package org.sanctuary.reporting.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The caller's pack in force (read with the caller's token): small-cell threshold, rounding, what counts as positive. */
@Singleton
public class PackRules {

    public record Rules(int threshold, int rounding, List<String> positive) {
        static final Rules DEFAULT = new Rules(5, 1, List.of("REFUGEE_STATUS", "SUBSIDIARY_PROTECTION"));
    }

    private final HttpClient http;
    private final URI policy;

    public PackRules(@Client HttpClient http, @Value("${sanctuary.tenants.url}") String tenants) {
        this.http = http;
        this.policy = URI.create(tenants.replaceAll("/+$", "") + "/api/v1/policy");
    }

    public Rules of(String authorization) {
        try {
            JsonNode pack = http.toBlocking().retrieve(HttpRequest.GET(policy).header("Authorization", authorization), JsonNode.class)
                    .get("document");
            JsonNode reporting = pack == null ? null : pack.get("reporting");
            JsonNode positive = pack == null || pack.get("recognitionRate") == null ? null : pack.get("recognitionRate").get("positive");
            List<String> outcomes = new ArrayList<>();
            if (positive != null) {
                positive.values().forEach(v -> outcomes.add(v.getStringValue()));
            }
            return new Rules(reporting == null ? Rules.DEFAULT.threshold() : reporting.get("smallCellThreshold").getIntValue(),
                    reporting == null ? Rules.DEFAULT.rounding() : reporting.get("rounding").getIntValue(),
                    outcomes.isEmpty() ? Rules.DEFAULT.positive() : outcomes);
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return Rules.DEFAULT;
            }
            throw unavailable();
        } catch (HttpClientException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "Your organization's policy pack cannot be read right now; retry shortly.");
    }
}
