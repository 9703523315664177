package org.sanctuary.tenants.policy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The assessment service ({@code sanctuary.assessment.url}), as the caller (token propagation); absent where none is
 * configured.
 */
@Client(id = "assessment")
@Requires(property = "sanctuary.assessment.url", pattern = ".+")
interface AssessmentClient {

    /** A simulation's question: the engine on these facts with this pack, on {@code assessmentDate} (today when absent). */
    @Serdeable
    record Simulation(JsonNode pack, Map<String, Object> facts, @Nullable String assessmentDate) {
    }

    /** What of the engine's answer a sample case's expectations are held against. */
    @Serdeable
    record Assessed(String recommendation, List<Finding> findings, @Nullable List<String> grounds, boolean nonRefoulement) {
    }

    /** One rule's result: MET, NOT_MET, NOT_APPLICABLE or UNKNOWN. */
    @Serdeable
    record Finding(String rule, String result) {
    }

    @Post("/api/v1/assessments/simulate")
    Assessed simulate(@Body Simulation simulation);
}
