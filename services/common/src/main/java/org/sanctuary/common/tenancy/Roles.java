package org.sanctuary.common.tenancy;

/** Realm roles, carried as the flat {@code roles} claim (ARCHITECTURE.md §5). */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String POLICY_ADMIN = "policy-admin";
    public static final String CASEWORKER = "caseworker";
    public static final String SUPERVISOR = "supervisor";
    public static final String ANALYST = "analyst";
    public static final String AUDITOR = "auditor";
    public static final String INTEGRATOR = "integrator";
    public static final String PLATFORM_SERVICE = "platform-service";

    private Roles() {
    }
}
