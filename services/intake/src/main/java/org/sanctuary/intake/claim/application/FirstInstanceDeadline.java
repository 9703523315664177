package org.sanctuary.intake.claim.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
import org.sanctuary.intake.IntakeConfiguration;

import java.net.URI;

/**
 * How many days a first-instance decision may take, from the caller's organization's policy pack in
 * force ({@code deadlines.firstInstanceDecisionDays}, read from the tenants service with the caller's
 * token). Without a tenants service configured (the service's own tests), or when the organization
 * has no pack yet, the configured default applies; when the pack cannot be read, lodging waits (503)
 * rather than set a wrong deadline.
 */
@Singleton
public class FirstInstanceDeadline {

    private final HttpClient http;
    private final IntakeConfiguration configuration;
    private final URI policy;

    public FirstInstanceDeadline(@Client HttpClient http, IntakeConfiguration configuration,
                                 @Value("${sanctuary.tenants.url:}") String tenantsUrl) {
        this.http = http;
        this.configuration = configuration;
        this.policy = tenantsUrl.isBlank() ? null : URI.create(tenantsUrl.replaceAll("/+$", "") + "/api/v1/policy");
    }

    public int days(@Nullable String authorization) {
        if (policy == null || authorization == null) {
            return configuration.firstInstanceDecisionDays();
        }
        try {
            JsonNode pack = http.toBlocking().retrieve(HttpRequest.GET(policy).header("Authorization", authorization),
                    JsonNode.class);
            JsonNode days = pack.get("document") == null ? null : pack.get("document").get("deadlines");
            days = days == null ? null : days.get("firstInstanceDecisionDays");
            return days != null && days.isNumber() ? days.getIntValue() : configuration.firstInstanceDecisionDays();
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return configuration.firstInstanceDecisionDays(); // no pack in force yet
            }
            throw unavailable();
        } catch (HttpClientException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "Your organization's policy pack cannot be read right now, so no deadline can be set; retry shortly.");
    }
}
