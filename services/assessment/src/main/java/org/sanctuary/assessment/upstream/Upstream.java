package org.sanctuary.assessment.upstream;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The services the assessment reads from and moves, always with the caller's own token, so intake
 * and tenants apply their own tenant scoping and roles: intake (claim, facts, lifecycle actions) and
 * tenants (the pack in force). Their 404 and 403 pass through; anything else is a 503 to retry.
 */
@Singleton
public class Upstream {

    /** What the assessment needs of a claim. */
    @Serdeable
    public record ClaimRef(UUID id, UUID applicantId, String status) {
    }

    /** The organization's pack in force: its version number and the engine's reading of its document. */
    public record EffectivePack(int version, PolicyPack pack) {
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final String intake;
    private final String tenants;

    public Upstream(@Client HttpClient http, JsonMapper json, @Value("${sanctuary.intake.url}") String intake,
                    @Value("${sanctuary.tenants.url}") String tenants) {
        this.http = http;
        this.json = json;
        this.intake = intake.replaceAll("/+$", "");
        this.tenants = tenants.replaceAll("/+$", "");
    }

    public ClaimRef claim(UUID id, String authorization) {
        return call(HttpRequest.GET(URI.create(intake + "/api/v1/claims/" + id)), authorization, ClaimRef.class, "Claim");
    }

    public Facts facts(UUID claimId, String authorization) {
        return call(HttpRequest.GET(URI.create(intake + "/api/v1/claims/" + claimId + "/facts")), authorization, Facts.class, "Claim");
    }

    /** Moves the claim in intake ({@code start-assessment}, {@code decide}, {@code appeal}). */
    public ClaimRef act(UUID claimId, String action, String authorization) {
        return call(HttpRequest.POST(URI.create(intake + "/api/v1/claims/" + claimId + "/actions/" + action), ""),
                authorization, ClaimRef.class, "Claim");
    }

    /** The pack in force on {@code at}; none then is a 422, since nothing can be assessed without one. */
    public EffectivePack policy(LocalDate at, String authorization) {
        JsonNode body;
        try {
            body = call(HttpRequest.GET(URI.create(tenants + "/api/v1/policy?at=" + at)), authorization, JsonNode.class,
                    "Policy pack in force");
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "No policy pack of your organization is in force on "
                        + at + "; publish one first, or give a pack to simulate with.");
            }
            throw e;
        }
        try {
            return new EffectivePack(body.get("version").getIntValue(), json.readValueFromTree(body.get("document"), PolicyPack.class));
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Your organization's policy pack could not be read.");
        }
    }

    private <T> T call(HttpRequest<?> request, String authorization, Class<T> type, String what) {
        try {
            return http.toBlocking().retrieve(((io.micronaut.http.MutableHttpRequest<?>) request)
                    .header("Authorization", authorization).accept(MediaType.APPLICATION_JSON_TYPE), Argument.of(type));
        } catch (HttpClientResponseException e) {
            HttpStatus status = e.getStatus();
            if (status == HttpStatus.NOT_FOUND) {
                throw ProblemException.notFound(what);
            }
            if (status == HttpStatus.FORBIDDEN) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Not allowed: " + e.getMessage());
            }
            if (status == HttpStatus.CONFLICT) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION, "The claim cannot move that way now: " + e.getMessage());
            }
            throw unavailable(e);
        } catch (HttpClientException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(Exception e) {
        return new ProblemException(ProblemType.UNAVAILABLE, "A service this needs is not answering; retry shortly.");
    }
}
