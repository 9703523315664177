package org.sanctuary.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A tenant of the platform: an agency or NGO, identified by its Keycloak organization alias. */
@Serdeable
public record Tenant(String id, String name, Kind kind, String jurisdiction, Status status, String cell, String locale,
                     String timezone, long version, Instant createdAt, Instant updatedAt,
                     List<Provisioning.Step> provisioning, @Nullable Provisioning.FirstAdmin firstAdmin) {

    /** The same tenant as shown once to the administrator who created it: with the first admin's login. */
    public Tenant withFirstAdmin(@Nullable Provisioning.FirstAdmin admin) {
        return new Tenant(id, name, kind, jurisdiction, status, cell, locale, timezone, version, createdAt, updatedAt,
                provisioning, admin);
    }

    public enum Kind { GOVERNMENT, NGO }

    public enum Status { ACTIVE, SUSPENDED, OFFBOARDED }
}
