package org.sanctuary.reporting.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * {@code sanctuary.webhooks}: whether plain http and local addresses may be webhook targets (local development only,
 * never in production: docs/integrators.md), and a factor on the retry delays (tests shorten them).
 */
@ConfigurationProperties("sanctuary.webhooks")
public record WebhookSettings(@Bindable(defaultValue = "false") boolean allowLocal,
                              @Bindable(defaultValue = "1") @Positive double retryScale) {
}
