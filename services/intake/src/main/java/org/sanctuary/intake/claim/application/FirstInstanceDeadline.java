package org.sanctuary.intake.claim.application;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.PolicyInForce;
import org.sanctuary.contracts.pack.PackSections;
import org.sanctuary.intake.IntakeConfiguration;

/**
 * How many days a first-instance decision may take, from the caller's organization's policy pack in
 * force ({@code deadlines.firstInstanceDecisionDays}, read from the tenants service as the caller). Without a
 * tenants service configured (the service's own tests), or when the organization has no pack yet, the configured
 * default applies; when the pack cannot be read, lodging waits (503) rather than set a wrong deadline.
 */
@Singleton
public class FirstInstanceDeadline {

    private final @Nullable PolicyInForce policy;
    private final IntakeConfiguration configuration;

    public FirstInstanceDeadline(@Nullable PolicyInForce policy, IntakeConfiguration configuration) {
        this.policy = policy;
        this.configuration = configuration;
    }

    public int days() {
        if (policy == null) {
            return configuration.firstInstanceDecisionDays();
        }
        return policy.document(null, PackSections.class) // no pack in force yet: the default
                .map(PackSections::deadlines)
                .map(PackSections.Deadlines::firstInstanceDecisionDays)
                .orElse(configuration.firstInstanceDecisionDays());
    }
}
