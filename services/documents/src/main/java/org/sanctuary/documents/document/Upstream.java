package org.sanctuary.documents.document;

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
import java.util.List;
import java.util.UUID;

/**
 * What documents reads from the other services, with the caller's own token: the claim (it must
 * exist for the caller: another tenant's is a 404) and the document rules of the pack in force.
 */
@Singleton
public class Upstream {

    /** The pack's {@code documents} block; the defaults apply until the tenant has a pack. */
    public record Rules(long maxBytes, List<String> allowedTypes, int retentionYears) {
        static final Rules DEFAULT = new Rules(50L * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"), 10);
    }

    public record ClaimRef(UUID id, UUID applicantId, String status) {
    }

    private final HttpClient http;
    private final String intake;
    private final String tenants;

    public Upstream(@Client HttpClient http, @Value("${sanctuary.intake.url}") String intake,
                    @Value("${sanctuary.tenants.url}") String tenants) {
        this.http = http;
        this.intake = intake.replaceAll("/+$", "");
        this.tenants = tenants.replaceAll("/+$", "");
    }

    public ClaimRef claim(UUID id, String authorization) {
        JsonNode claim = get(intake + "/api/v1/claims/" + id, authorization, "Claim");
        return new ClaimRef(id, UUID.fromString(claim.get("applicantId").getStringValue()), claim.get("status").getStringValue());
    }

    public Rules rules(String authorization) {
        JsonNode pack;
        try {
            pack = get(tenants + "/api/v1/policy", authorization, "Policy pack");
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return Rules.DEFAULT;
            }
            throw e;
        }
        JsonNode documents = pack.get("document") == null ? null : pack.get("document").get("documents");
        if (documents == null) {
            return Rules.DEFAULT;
        }
        List<String> types = documents.get("allowedTypes") == null ? Rules.DEFAULT.allowedTypes()
                : java.util.stream.StreamSupport.stream(documents.get("allowedTypes").values().spliterator(), false)
                .map(JsonNode::getStringValue).toList();
        return new Rules(documents.get("maxBytes") == null ? Rules.DEFAULT.maxBytes() : documents.get("maxBytes").getLongValue(),
                types, documents.get("retentionYears") == null ? Rules.DEFAULT.retentionYears() : documents.get("retentionYears").getIntValue());
    }

    private JsonNode get(String url, String authorization, String what) {
        try {
            return http.toBlocking().retrieve(HttpRequest.GET(URI.create(url)).header("Authorization", authorization), JsonNode.class);
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                throw ProblemException.notFound(what);
            }
            if (e.getStatus() == HttpStatus.FORBIDDEN) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Not allowed to read the " + what.toLowerCase() + ".");
            }
            throw unavailable();
        } catch (HttpClientException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "A service this needs is not answering; retry shortly.");
    }
}
