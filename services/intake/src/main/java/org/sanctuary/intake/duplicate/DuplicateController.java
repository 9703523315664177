package org.sanctuary.intake.duplicate;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.sanctuary.common.tenancy.Roles;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/duplicates")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class DuplicateController {

    private final DuplicateFinder finder;

    DuplicateController(DuplicateFinder finder) {
        this.finder = finder;
    }

    /** {@code GET /api/v1/duplicates?applicantId=}: likely duplicates of one applicant, best first. */
    @Get
    @ApiResponse(responseCode = "404", description = "applicantId names no applicant of your organization (problem type `not-found`)")
    List<DuplicateFinder.Candidate> candidates(@QueryValue UUID applicantId) {
        return finder.candidatesFor(applicantId);
    }
}
