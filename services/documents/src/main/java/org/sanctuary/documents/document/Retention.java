package org.sanctuary.documents.document;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.ServiceToken;
import org.sanctuary.common.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Retention, end to end: learns from intake's event feed when claims close (each event applied in
 * its tenant, idempotently, the cursor kept in {@code feed_cursor}), and sweeps every tenant's
 * documents whose retention ran out. Needs the service's own token
 * ({@code sanctuary.platform.token-url}); without it neither runs, and nothing is deleted.
 */
@Requires(beans = ServiceToken.class)
@Singleton
public class Retention {

    static final String SOURCE = "intake";
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final HttpClient http;
    private final ServiceToken token;
    private final DocumentStore store;
    private final DocumentService documents;
    private final TransactionOperations<Connection> transactions;
    private final String intake;

    public Retention(@Client HttpClient http, ServiceToken token, DocumentStore store, DocumentService documents,
                     TransactionOperations<Connection> transactions, @Value("${sanctuary.intake.url}") String intake) {
        this.http = http;
        this.token = token;
        this.store = store;
        this.documents = documents;
        this.transactions = transactions;
        this.intake = intake.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelay = "${sanctuary.documents.feed-interval:30s}", initialDelay = "20s")
    void scheduledFeed() {
        try {
            while (readFeed() > 0) {
                // drain the backlog
            }
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

    /** Reads one page of intake's feed; the number of events read. */
    public int readFeed() {
        long after = transactions.executeRead(status -> store.cursor(SOURCE));
        JsonNode page = http.toBlocking().retrieve(HttpRequest.GET(URI.create(intake + "/internal/v1/events?after=" + after + "&limit=500"))
                .header("Authorization", token.authorization()), JsonNode.class);
        int read = 0;
        for (JsonNode event : page.get("events").values()) {
            long seq = event.get("seq").getLongValue();
            JsonNode payload = event.get("payload");
            if ("claim.status-changed".equals(event.get("type").getStringValue()) && payload != null
                    && "CLOSED".equals(payload.get("to").getStringValue())) {
                UUID claim = UUID.fromString(payload.get("claimId").getStringValue());
                LocalDate closedOn = LocalDate.ofInstant(Instant.parse(event.get("occurredAt").getStringValue()), ZoneOffset.UTC);
                Caller.callAs(Caller.system(event.get("tenantId").getStringValue(), "retention"), () ->
                        transactions.executeWrite(status -> store.claimClosed(claim, closedOn)));
            }
            transactions.executeWrite(status -> {
                store.advance(SOURCE, seq);
                return null;
            });
            read++;
        }
        return read;
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
