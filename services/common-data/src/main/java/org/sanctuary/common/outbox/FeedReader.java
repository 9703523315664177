package org.sanctuary.common.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.oauth2.client.clientcredentials.ClientCredentialsClient;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads another service's event feed ({@code /internal/v1/events}) after this service's cursor for it
 * (the {@code feed_cursor} table: {@code source}, {@code seq}), with the service's own token: Micronaut's OAuth2
 * client-credentials client {@code platform} ({@code micronaut.security.oauth2.clients.platform}, the identity
 * provider's token endpoint at {@code sanctuary.platform.token-url}), which caches it until shortly before it expires.
 * Each event
 * is handed over as its tenant, in the transaction that also moves the cursor past it: an event is
 * applied and passed together, or neither.
 */
@Requires(property = "sanctuary.platform.token-url", pattern = ".+")
@Singleton
public class FeedReader {

    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    private final HttpClient http;
    private final ClientCredentialsClient token;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final @Nullable MeterRegistry meters;

    public FeedReader(@Client HttpClient http, @Named("platform") ClientCredentialsClient token, Sql sql, TransactionOperations<Connection> transactions,
                      @Nullable MeterRegistry meters) {
        this.meters = meters;
        this.http = http;
        this.token = token;
        this.sql = sql;
        this.transactions = transactions;
    }

    /**
     * Reads one page of {@code source}'s feed at {@code baseUrl}; the number of events read. When the feed is not the
     * one read so far (another producer database), or no longer holds the event this cursor last read at its seq (the
     * producer restored from an older backup), that is reported (a WARN, and the counter
     * {@code sanctuary.feed.discontinuities}) and the feed is read again from its start: consumers recognise events
     * they have applied by their ids, so nothing is applied twice and nothing that took another's place is skipped.
     */
    public int readPage(String source, String baseUrl, int limit, Consumer<Event> apply) {
        Position at = transactions.executeRead(status -> sql.queryOne("select seq, feed, event_id from feed_cursor where source = ?",
                rs -> new Position(rs.getLong("seq"), Sql.uuid(rs, "feed"), Sql.uuid(rs, "event_id")), source))
                .orElse(Position.START);
        Event.Page page = fetch(baseUrl, at.seq(), limit);
        String discontinuity = null;
        if (page.feed() != null && at.feed() != null && !page.feed().equals(at.feed())) {
            discontinuity = "new-feed";
            LOG.warn("The {} feed is not the one read so far ({} -> {}): another producer database. Reading it from the start.",
                    source, at.feed(), page.feed());
        } else if (at.eventId() != null && !at.eventId().equals(page.afterEventId())) {
            discontinuity = "diverged";
            LOG.warn("The {} feed no longer holds event {} at seq {} (it has {} there): the producer was restored from an "
                    + "older backup, and what it lost was applied here. Reading it from the start.",
                    source, at.eventId(), at.seq(), page.afterEventId() == null ? "nothing" : page.afterEventId());
        }
        if (discontinuity != null) {
            if (meters != null) {
                meters.counter("sanctuary.feed.discontinuities", "source", source, "kind", discontinuity).increment();
            }
            page = fetch(baseUrl, 0, limit);
        }
        UUID feed = page.feed();
        if (page.events().isEmpty() && discontinuity != null) {
            transactions.executeWrite(status -> remember(source, 0, feed, null));
        }
        for (Event event : page.events()) {
            Caller.callAs(Caller.system(event.tenantId(), source + "-feed"), () -> transactions.executeWrite(status -> {
                apply.accept(event);
                return remember(source, event.seq(), feed, event.eventId());
            }));
        }
        return page.events().size();
    }

    /** Where this service is in a feed: the seq and id of the last event read, and which feed. */
    private record Position(long seq, @Nullable UUID feed, @Nullable UUID eventId) {
        static final Position START = new Position(0, null, null);
    }

    private int remember(String source, long seq, @Nullable UUID feed, @Nullable UUID eventId) {
        return sql.update("insert into feed_cursor (source, seq, feed, event_id) values (?, ?, ?, ?) on conflict (source) "
                + "do update set seq = excluded.seq, feed = excluded.feed, event_id = excluded.event_id", source, seq, feed, eventId);
    }

    private Event.Page fetch(String baseUrl, long after, int limit) {
        String accessToken = Mono.from(token.requestToken()).blockOptional()
                .orElseThrow(() -> new IllegalStateException("no token from the platform client")).getAccessToken();
        return http.toBlocking().retrieve(HttpRequest.GET(UriBuilder.of(baseUrl.replaceAll("/+$", "")).path("/internal/v1/events")
                .queryParam("after", after).queryParam("limit", limit).build()).bearerAuth(accessToken), Event.Page.class);
    }

    /** Reads {@code source}'s feed to its end; the number of events read. */
    public long readAll(String source, String baseUrl, int limit, Consumer<Event> apply) {
        long read = 0;
        for (int page; (page = readPage(source, baseUrl, limit, apply)) > 0; ) {
            read += page;
        }
        return read;
    }

    /** Forgets every cursor: the next reads start from seq 0. */
    public void reset() {
        transactions.executeWrite(status -> sql.update("delete from feed_cursor"));
    }
}
