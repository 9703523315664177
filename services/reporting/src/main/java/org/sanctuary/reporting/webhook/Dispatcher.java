package org.sanctuary.reporting.webhook;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends what is due: for each subscription, the oldest pending delivery of each claim (the next waits until it is
 * delivered or given up, so a receiver sees a claim's events in order), signed as Standard Webhooks says. A delivery
 * is taken for two minutes before it is sent (another replica skips it), and recorded with its answer: 2xx delivered;
 * anything else, a refused address or no answer in time tried again on {@link Retries}' schedule; after the last
 * attempt it has failed, and its subscription is disabled with the reason. Connections: at most 5 s to connect, 10 s
 * between bytes of the answer and 20 s for the whole exchange; no redirects followed; at most 1 KiB of the answer read,
 * the connection then dropped. One tenant's failure never stops the others'.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ANSWER_READ = 1024;
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final FieldCipher cipher;
    private final Destinations destinations;
    private final Retries retries;
    private final Clock clock;
    private final CloseableHttpClient http;

    public Dispatcher(Sql sql, TransactionOperations<Connection> transactions, FieldCipher cipher, Destinations destinations, Clock clock,
                      WebhookSettings settings) {
        this.sql = sql;
        this.transactions = transactions;
        this.cipher = cipher;
        this.destinations = destinations;
        this.retries = new Retries(settings.retryScale());
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(destinations.resolver()) // the only resolution: the addresses checked are the ones connected to
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(10)).build())
                        .setMaxConnTotal(50).setMaxConnPerRoute(5).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("Sanctuary-Webhooks/1").build();
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    @Scheduled(fixedDelay = "${sanctuary.webhooks.interval:2s}", initialDelay = "${sanctuary.reporting.feed-initial-delay:15s}")
    void scheduled() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warn("webhooks not sent this time: {}", e.getMessage());
        }
    }

    /** Sends every delivery due now, tenant by tenant; how many were attempted. */
    public synchronized int dispatch() {
        List<String> tenants = transactions.executeRead(status -> sql.query("select tenant_id from webhook_tenant", rs -> rs.getString(1)));
        int attempted = 0;
        for (String tenant : tenants) {
            try {
                attempted += Caller.callAs(Caller.system(tenant, "webhooks"), this::dispatchTenant);
            } catch (RuntimeException e) { // e.g. an offboarded tenant's destroyed key: the other tenants are served
                LOG.warn("webhooks of {} not sent this time: {}", tenant, e.getMessage());
            }
        }
        return attempted;
    }

    private record Due(UUID id, UUID subscription, UUID eventId, String url, String payload, int attempts, Instant next,
                       String secret, Optional<String> previous) {
    }

    private int dispatchTenant() {
        Instant now = Instant.now(clock);
        List<Due> due = transactions.executeRead(status -> sql.query("select d.id, d.subscription_id, d.event_id, d.payload, d.attempts, "
                + "d.next_attempt_at, s.url, s.secret, s.previous_secret, s.previous_until from webhook_delivery d "
                + "join webhook_subscription s on s.tenant_id = d.tenant_id and s.id = d.subscription_id "
                + "where d.status = 'PENDING' and d.next_attempt_at <= ? and s.enabled and not exists (select 1 from webhook_delivery e "
                + "where e.tenant_id = d.tenant_id and e.subscription_id = d.subscription_id and e.ordering_key = d.ordering_key "
                + "and e.status = 'PENDING' and e.seq < d.seq) order by d.seq limit 100", rs -> {
                    UUID subscription = Sql.uuid(rs, "subscription_id");
                    Instant previousUntil = Sql.instant(rs, "previous_until");
                    Optional<String> previous = previousUntil != null && previousUntil.isAfter(now)
                            ? Optional.of(cipher.open(rs.getBytes("previous_secret"), "webhook.secret", subscription)) : Optional.empty();
                    return new Due(Sql.uuid(rs, "id"), subscription, Sql.uuid(rs, "event_id"), rs.getString("url"), rs.getString("payload"),
                            rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                            cipher.open(rs.getBytes("secret"), "webhook.secret", subscription), previous);
                }, Timestamp.from(now)));
        int attempted = 0;
        for (Due delivery : due) {
            boolean taken = transactions.executeWrite(status -> sql.update("update webhook_delivery set next_attempt_at = ? "
                    + "where id = ? and status = 'PENDING' and next_attempt_at = ?", Timestamp.from(now.plus(LEASE)), delivery.id(),
                    Timestamp.from(delivery.next())) == 1);
            if (taken) {
                record(delivery, now.plus(LEASE), send(delivery));
                attempted++;
            }
        }
        return attempted;
    }

    /** What one attempt came to: the answer's status (0: none) and why it failed, if it did. */
    record Attempt(int status, long millis, String error) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private Attempt send(Due delivery) {
        long started = System.nanoTime();
        try {
            destinations.check(delivery.url()); // the rules of today, not of the day it was subscribed
            long timestamp = Instant.now(clock).getEpochSecond();
            String id = delivery.eventId().toString();
            String signature = Signatures.sign(delivery.secret(), id, timestamp, delivery.payload())
                    + delivery.previous().map(previous -> " " + Signatures.sign(previous, id, timestamp, delivery.payload())).orElse("");
            HttpPost post = new HttpPost(delivery.url());
            post.setHeader("webhook-id", id);
            post.setHeader("webhook-timestamp", Long.toString(timestamp));
            post.setHeader("webhook-signature", signature);
            post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
            // the whole exchange has a deadline, not only each read: a receiver trickling bytes cannot hold the dispatcher
            ScheduledFuture<?> deadline = DEADLINES.schedule(post::cancel, DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            int status;
            CloseableHttpResponse response = http.execute(post);
            try {
                status = response.getCode();
                if (response.getEntity() != null) {
                    InputStream body = response.getEntity().getContent();
                    body.readNBytes(ANSWER_READ); // the answer's start only; the rest is never read
                }
            } finally {
                deadline.cancel(false);
                response.close(CloseMode.IMMEDIATE); // drops the connection instead of reading the rest of the answer
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new Attempt(status, millis, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Attempt(0, Duration.ofNanos(System.nanoTime() - started).toMillis(), why.length() > 300 ? why.substring(0, 300) : why);
        }
    }

    /**
     * Records an attempt — only while this dispatcher still holds the delivery ({@code lease}): one redelivered by hand
     * meanwhile, or taken by another replica after the lease ran out, is theirs to record.
     */
    private void record(Due delivery, Instant lease, Attempt attempt) {
        int attempts = delivery.attempts() + 1;
        Instant now = Instant.now(clock);
        String held = " where id = ? and status = 'PENDING' and next_attempt_at = ?";
        transactions.executeWrite(status -> {
            if (attempt.delivered()) {
                return sql.update("update webhook_delivery set status = 'DELIVERED', attempts = ?, next_attempt_at = null, delivered_at = ?, "
                                + "last_status_code = ?, last_latency_ms = ?, last_error = null" + held, attempts, Timestamp.from(now),
                        attempt.status(), (int) attempt.millis(), delivery.id(), Timestamp.from(lease));
            }
            Optional<Duration> wait = retries.after(attempts);
            int recorded = sql.update("update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, "
                            + "last_latency_ms = ?, last_error = ?" + held, wait.isPresent() ? "PENDING" : "FAILED", attempts,
                    wait.map(w -> Timestamp.from(now.plus(w))).orElse(null), attempt.status() == 0 ? null : attempt.status(),
                    (int) attempt.millis(), attempt.error(), delivery.id(), Timestamp.from(lease));
            if (recorded == 1 && wait.isEmpty()) {
                String reason = "Disabled at " + now + ": event " + delivery.eventId() + " could not be delivered in " + attempts
                        + " attempts (last: " + attempt.error() + ").";
                sql.update("update webhook_subscription set enabled = false, disabled_reason = ? where id = ? and enabled",
                        reason, delivery.subscription());
                LOG.warn("webhook subscription {} disabled: {}", delivery.subscription(), reason);
            }
            return 1;
        });
    }
}
