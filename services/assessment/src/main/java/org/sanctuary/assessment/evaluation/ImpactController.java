package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Roles;

/**
 * {@code POST /api/v1/assessments/impact}: what a pack would change if it were in force today, over every open
 * claim of the caller's organization ({@link PackImpact}). Policy administrators (the packs are theirs) and
 * supervisors; nothing is stored.
 */
@Controller("/api/v1/assessments/impact")
@Secured({Roles.POLICY_ADMIN, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class ImpactController {

    /** Exactly one of: {@code version}, a version of the organization's packs (a draft, typically); {@code pack}, a document. */
    @Serdeable
    record ImpactRequest(@Nullable @Positive Integer version, @Nullable PolicyPack pack) {
    }

    private final PackImpact impact;

    ImpactController(PackImpact impact) {
        this.impact = impact;
    }

    @Post
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactRequest.class),
            examples = @ExampleObject(name = "draftVersion", summary = "The impact of draft version 3 of your organization's pack",
                    value = "{\"version\": 3}")))
    @ApiResponse(responseCode = "404", description = "version names no version of your organization's policy packs "
            + "(problem type `not-found`)")
    @ApiResponse(responseCode = "422", description = "No policy pack of your organization is in force today to compare with "
            + "(problem type `unprocessable`)")
    PackImpact.Impact compare(@Body @Valid ImpactRequest request) {
        if ((request.version() == null) == (request.pack() == null)) {
            throw ProblemException.invalid("version", "give either a pack version or a pack document, not both and not neither");
        }
        return request.version() != null ? impact.ofVersion(request.version())
                : impact.ofDocument(request.pack());
    }
}
