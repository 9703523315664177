package org.sanctuary.tenants.registry;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Roles;

import java.util.List;

/** {@code /api/v1/tenants}: the registry, for platform administrators only. */
@Controller("/api/v1/tenants")
@Secured(Roles.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantController {

    private final TenantRegistry registry;

    TenantController(TenantRegistry registry) {
        this.registry = registry;
    }

    @Post
    HttpResponse<Tenant> create(@Body @Valid TenantRegistry.NewTenant request, Authentication admin) {
        Tenant tenant = registry.create(request, admin.getName());
        return HttpResponse.<Tenant>status(HttpStatus.CREATED).body(tenant)
                .header(HttpHeaders.LOCATION, "/api/v1/tenants/" + tenant.id());
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
    Tenant suspend(@PathVariable String id, Authentication admin) {
        return registry.setStatus(id, Tenant.Status.SUSPENDED, admin.getName());
    }

    @Post("/{id}/reactivate")
    Tenant reactivate(@PathVariable String id, Authentication admin) {
        return registry.setStatus(id, Tenant.Status.ACTIVE, admin.getName());
    }
}
