package org.sanctuary.reporting.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services whose event feeds the read models and webhooks are built from ({@code sanctuary.reporting.sources}):
 * their base URLs, read with the platform's own token.
 */
@ConfigurationProperties("sanctuary.reporting.sources")
public record Sources(@NotBlank String intake, @NotBlank String assessment, @NotBlank String documents, @NotBlank String tenants) {

    /**
     * Each feed's name and base URL, in the order they are read: tenants last, so that an offboarding purges whatever
     * the other feeds brought of that tenant in the same pass.
     */
    public Map<String, String> inReadingOrder() {
        Map<String, String> feeds = new LinkedHashMap<>();
        feeds.put("intake", base(intake));
        feeds.put("assessment", base(assessment));
        feeds.put("documents", base(documents));
        feeds.put("tenants", base(tenants));
        return feeds;
    }

    private static String base(String url) {
        return url.replaceAll("/+$", "");
    }
}
