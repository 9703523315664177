package org.sanctuary.tenants.registry;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A tenant of the platform: an agency or NGO, identified by its Keycloak organization alias. */
@Serdeable
public record Tenant(String id, String name, Kind kind, String jurisdiction, Status status, String cell, String locale,
                     String timezone, long version, Instant createdAt, Instant updatedAt) {

    public enum Kind { GOVERNMENT, NGO }

    public enum Status { ACTIVE, SUSPENDED, OFFBOARDED }
}
