package org.sanctuary.tenants.registry;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.sanctuary.common.crypto.KeyDestroyed;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.CallerFilter;
import org.sanctuary.common.tenancy.Roles;

import java.util.List;

/** {@code /api/v1/tenants}: the registry, for platform administrators only. */
@Controller("/api/v1/tenants")
@Secured(Roles.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantController {

    /** Offboarding's answer: the tenant, what was destroyed, and where its unreadable rows lie per service. */
    @Serdeable
    record Offboarded(Tenant tenant, List<Provisioning.Step> steps, List<KeyDestroyed> dataLocations) {
    }

    private final TenantRegistry registry;
    private final TenantProvisioning provisioning;

    TenantController(TenantRegistry registry, TenantProvisioning provisioning) {
        this.registry = registry;
        this.provisioning = provisioning;
    }

    /**
     * Registers the tenant, then provisions it (Keycloak organization, first policy-admin, data keys);
     * each step's outcome is in {@code provisioning}, and the first admin's temporary login is shown
     * in this response only.
     */
    @Post
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantRegistry.NewTenant.class),
            examples = @ExampleObject(name = "ngo", summary = "A counselling NGO for conscientious objectors and deserters",
                    value = """
                            {"id": "brueckenhaus-goerlitz", "name": "Brückenhaus Görlitz e.V.", "kind": "NGO",
                             "jurisdiction": "DE", "locale": "de", "timezone": "Europe/Berlin",
                             "adminEmail": "policy@brueckenhaus-goerlitz.example.org"}
                            """)))
    @ApiResponse(responseCode = "409", description = "A tenant with this id exists already (problem type `conflict`)")
    HttpResponse<Tenant> create(@Body @Valid TenantRegistry.NewTenant request, Authentication admin) {
        Tenant tenant = registry.create(request, CallerFilter.subject(admin));
        Provisioning.Outcome outcome = provisioning.provision(tenant, request.adminEmail());
        Tenant provisioned = registry.recordProvisioning(tenant.id(), outcome.steps(), CallerFilter.subject(admin), "tenant.provision")
                .withFirstAdmin(outcome.firstAdmin());
        return HttpResponse.<Tenant>status(HttpStatus.CREATED).body(provisioned)
                .header(HttpHeaders.LOCATION, "/api/v1/tenants/" + tenant.id());
    }

    /** Runs provisioning again (e.g. after a FAILED step); done steps are found done and kept. */
    @Post("/{id}/provision")
    @ApiResponse(responseCode = "409", description = "The tenant is offboarded and is never provisioned again "
            + "(problem type `invalid-transition`)")
    Tenant provision(@PathVariable String id, Authentication admin) {
        Tenant tenant = registry.find(id).orElseThrow(() -> ProblemException.notFound("Tenant"));
        if (tenant.status() == Tenant.Status.OFFBOARDED) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "An offboarded tenant is not provisioned again.");
        }
        Provisioning.Outcome outcome = provisioning.provision(tenant, null);
        return registry.recordProvisioning(id, outcome.steps(), CallerFilter.subject(admin), "tenant.provision").withFirstAdmin(outcome.firstAdmin());
    }

    /**
     * Offboards: the tenant is refused everywhere from now on (within the services' status cache),
     * then its data key is destroyed in every data service. Calling it again on an offboarded tenant
     * retries the destruction.
     */
    @Post("/{id}/offboard")
    Offboarded offboard(@PathVariable String id, Authentication admin) {
        Tenant tenant = registry.find(id).orElseThrow(() -> ProblemException.notFound("Tenant"));
        if (tenant.status() != Tenant.Status.OFFBOARDED) {
            tenant = registry.setStatus(id, Tenant.Status.OFFBOARDED, CallerFilter.subject(admin));
        }
        TenantProvisioning.Shredding shredding = provisioning.shred(id);
        List<Provisioning.Step> steps = new java.util.ArrayList<>(tenant.provisioning());
        steps.addAll(shredding.steps());
        return new Offboarded(registry.recordProvisioning(id, steps, CallerFilter.subject(admin), "tenant.shred-keys"), shredding.steps(),
                shredding.dataLocations());
    }

    @Get
    List<Tenant> all() {
        return registry.all();
    }

    @Get("/{id}")
    Tenant one(@PathVariable String id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("Tenant"));
    }

    @Post("/{id}/suspend")
    @ApiResponse(responseCode = "409", description = "Only an active tenant is suspended; this one is suspended or offboarded "
            + "(problem type `invalid-transition`)")
    Tenant suspend(@PathVariable String id, Authentication admin) {
        return registry.setStatus(id, Tenant.Status.SUSPENDED, CallerFilter.subject(admin));
    }

    @Post("/{id}/reactivate")
    @ApiResponse(responseCode = "409", description = "Only a suspended tenant is reactivated; this one is active or offboarded "
            + "(problem type `invalid-transition`)")
    Tenant reactivate(@PathVariable String id, Authentication admin) {
        return registry.setStatus(id, Tenant.Status.ACTIVE, CallerFilter.subject(admin));
    }
}
