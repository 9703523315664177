package org.sanctuary.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * {@code sanctuary.intake.*}. {@code firstInstanceDecisionDays} is the interim default for the
 * first-instance deadline until the tenants service serves each tenant's policy pack
 * (docs/decisions.md).
 */
@ConfigurationProperties("sanctuary.intake")
public record IntakeConfiguration(@Bindable(defaultValue = "180") @Min(1) int firstInstanceDecisionDays) {
}
