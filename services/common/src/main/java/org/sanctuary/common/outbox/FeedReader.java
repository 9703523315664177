package org.sanctuary.common.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.platform.ServiceToken;
import org.sanctuary.common.tenancy.Caller;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.util.function.Consumer;

/**
 * Reads another service's event feed ({@code /internal/v1/events}) after this service's cursor for it
 * (the {@code feed_cursor} table: {@code source}, {@code seq}), with the service's own token. Each event
 * is handed over as its tenant, in the transaction that also moves the cursor past it: an event is
 * applied and passed together, or neither.
 */
@Requires(beans = {ServiceToken.class, DataSource.class})
@Singleton
public class FeedReader {

    private final HttpClient http;
    private final ServiceToken token;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;

    public FeedReader(@Client HttpClient http, ServiceToken token, Sql sql, TransactionOperations<Connection> transactions) {
        this.http = http;
        this.token = token;
        this.sql = sql;
        this.transactions = transactions;
    }

    /** Reads one page of {@code source}'s feed at {@code baseUrl}; the number of events read. */
    public int readPage(String source, String baseUrl, int limit, Consumer<Event> apply) {
        long after = transactions.executeRead(status -> sql.queryOne("select seq from feed_cursor where source = ?",
                rs -> rs.getLong(1), source).orElse(0L));
        Event.Page page = http.toBlocking().retrieve(HttpRequest.GET(URI.create(baseUrl.replaceAll("/+$", "")
                + "/internal/v1/events?after=" + after + "&limit=" + limit)).header("Authorization", token.authorization()), Event.Page.class);
        for (Event event : page.events()) {
            Caller.callAs(Caller.system(event.tenantId(), source + "-feed"), () -> transactions.executeWrite(status -> {
                apply.accept(event);
                sql.update("insert into feed_cursor (source, seq) values (?, ?) on conflict (source) do update set seq = excluded.seq",
                        source, event.seq());
                return null;
            }));
        }
        return page.events().size();
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
