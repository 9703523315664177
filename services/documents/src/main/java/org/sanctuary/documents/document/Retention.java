package org.sanctuary.documents.document;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.sanctuary.common.outbox.Event;
import org.sanctuary.common.outbox.FeedReader;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.contracts.event.IntakeEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Retention, end to end: learns from intake's event feed when claims close (each event applied in
 * its tenant, idempotently, the cursor kept in {@code feed_cursor}), and sweeps every tenant's
 * documents whose retention ran out. Needs the service's own token
 * ({@code sanctuary.platform.token-url}); without it neither runs, and nothing is deleted.
 */
@Requires(beans = FeedReader.class)
@Singleton
public class Retention {

    static final String SOURCE = "intake";
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final FeedReader reader;
    private final DocumentStore store;
    private final DocumentService documents;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final String intake;

    public Retention(FeedReader reader, DocumentStore store, DocumentService documents,
                     TransactionOperations<Connection> transactions, JsonMapper json, @Named("intake") ServiceHttpClientConfiguration intake) {
        this.reader = reader;
        this.store = store;
        this.documents = documents;
        this.transactions = transactions;
        this.json = json;
        this.intake = intake.getUrls().get(0).toString();
    }

    @Scheduled(fixedDelay = "${sanctuary.documents.feed-interval:30s}", initialDelay = "20s")
    void scheduledFeed() {
        try {
            reader.readAll(SOURCE, intake, 500, this::apply);
        } catch (RuntimeException e) {
            LOG.warn("intake feed not read this time: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelay = "${sanctuary.documents.retention-interval:1h}", initialDelay = "2m")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("retention sweep failed: {}", e.getMessage());
        }
    }

    /** Reads one page of intake's feed, recording claim closures on their documents; the number of events read. */
    public int readFeed() {
        return reader.readPage(SOURCE, intake, 500, this::apply);
    }

    private void apply(Event event) {
        if (event.known().orElse(null) == EventType.CLAIM_STATUS_CHANGED) {
            IntakeEvents.ClaimStatusChanged changed = event.payload(IntakeEvents.ClaimStatusChanged.class, json);
            if (changed.to() == ClaimStatus.CLOSED) {
                store.claimClosed(changed.claimId(), LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC));
            }
        }
    }

    /** Applies retention in every tenant that holds documents; the number of contents deleted. */
    public int sweep() {
        int deleted = 0;
        for (String tenant : transactions.executeRead(status -> store.tenants())) {
            deleted += Caller.callAs(Caller.system(tenant, "retention"), documents::applyRetention);
        }
        return deleted;
    }
}
