package org.sanctuary.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What provisioning a tenant did, step by step: the identity provider's organization, its first policy-admin, the data keys. */
public final class Provisioning {

    public enum Status { DONE, SKIPPED, FAILED }

    @Serdeable
    public record Step(String name, Status status, String detail) {
        public static Step done(String name, String detail) {
            return new Step(name, Status.DONE, detail);
        }

        public static Step skipped(String name, String detail) {
            return new Step(name, Status.SKIPPED, detail);
        }

        public static Step failed(String name, String detail) {
            return new Step(name, Status.FAILED, detail);
        }
    }

    /**
     * The first policy administrator's login: shown once, in the response that created it, never
     * stored; the password is temporary and must be changed at the first login.
     */
    @Serdeable
    public record FirstAdmin(String username, String temporaryPassword) {
    }

    public record Outcome(List<Step> steps, @Nullable FirstAdmin firstAdmin) {
    }

    private Provisioning() {
    }
}
