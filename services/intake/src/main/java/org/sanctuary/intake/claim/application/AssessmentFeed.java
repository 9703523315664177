package org.sanctuary.intake.claim.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.sanctuary.common.outbox.FeedReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake owns the claim: it learns from the assessment service's event feed (read with the service's own
 * token, each event applied in its tenant in the transaction that moves the cursor) when a claim was first
 * assessed, a decision approved or an appeal lodged, and moves the claim itself (ARCHITECTURE.md §4). The
 * assessment service never writes into intake. Without {@code sanctuary.assessment.url} and the service token
 * nothing moves a claim to UNDER_ASSESSMENT (but its own start-assessment action), DECIDED or APPEALED.
 */
@Requires(beans = FeedReader.class)
@Requires(property = "sanctuary.assessment.url", pattern = ".+")
@Singleton
public class AssessmentFeed {

    static final String SOURCE = "assessment";
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentFeed.class);

    private final FeedReader reader;
    private final ClaimService claims;
    private final String assessment;

    public AssessmentFeed(FeedReader reader, ClaimService claims, @Named("assessment") ServiceHttpClientConfiguration assessment) {
        this.reader = reader;
        this.claims = claims;
        this.assessment = assessment.getUrls().get(0).toString();
    }

    @Scheduled(fixedDelay = "${sanctuary.intake.assessment-feed-interval:1s}", initialDelay = "2s")
    void scheduled() {
        try {
            reader.readAll(SOURCE, assessment, 500, claims::applyAssessmentEvent);
        } catch (RuntimeException e) {
            LOG.warn("assessment feed not read this time: {}", e.getMessage());
        }
    }
}
