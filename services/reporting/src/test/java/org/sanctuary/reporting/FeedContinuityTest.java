package org.sanctuary.reporting;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.outbox.Event;
import org.sanctuary.common.outbox.FeedReader;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14: a consumer whose cursor no longer fits the producer's feed (another producer database, or one restored
 * from an older backup) finds out, reports it and reads the feed again from its start, instead of skipping in silence
 * the events that took the place of those it read. The producer here is a plain HTTP server answering the feed's
 * wire format; the events are handed over again (a real consumer recognises those it applied by their ids).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedContinuityTest implements TestPropertyProvider {

    private final ServiceDatabase db = ServiceDatabase.create("reporting");
    private final List<long[]> served = new CopyOnWriteArrayList<>(); // seq of each event the producer holds
    private final List<UUID> ids = new CopyOnWriteArrayList<>();
    private volatile UUID feed = UUID.randomUUID();
    private HttpServer producer;

    @Inject
    FeedReader reader;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        try {
            producer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        producer.createContext("/internal/v1/events", exchange -> {
            long after = Long.parseLong(exchange.getRequestURI().getQuery().replaceAll(".*after=(\\d+).*", "$1"));
            List<String> events = new ArrayList<>();
            String afterEventId = "null";
            for (int i = 0; i < served.size(); i++) {
                long seq = served.get(i)[0];
                if (seq == after) {
                    afterEventId = "\"" + ids.get(i) + "\"";
                }
                if (seq > after) {
                    events.add("{\"seq\":" + seq + ",\"eventId\":\"" + ids.get(i) + "\",\"tenantId\":\"probe-tenant\","
                            + "\"type\":\"probe.happened\",\"aggregateId\":\"a\",\"payload\":{},\"occurredAt\":\"" + Instant.now() + "\"}");
                }
            }
            byte[] body = ("{\"events\":[" + String.join(",", events) + "],\"next\":" + after + ",\"feed\":\"" + feed
                    + "\",\"afterEventId\":" + afterEventId + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        producer.start();
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.platform.token-url", TestJwtIssuer.get().tokenUrl());
        properties.put("sanctuary.reporting.feed-interval", "1h");
        return properties;
    }

    @AfterAll
    void stop() {
        producer.stop(0);
    }

    private void produce(long... seqs) {
        for (long seq : seqs) {
            served.add(new long[]{seq});
            ids.add(UUID.randomUUID());
        }
    }

    private List<Long> read() {
        List<Long> applied = new ArrayList<>();
        reader.readAll("probe", "http://127.0.0.1:" + producer.getAddress().getPort(), 2, e -> applied.add(e.seq()));
        return applied;
    }

    private double discontinuities(String kind) {
        return meters.find("sanctuary.feed.discontinuities").tag("source", "probe").tag("kind", kind).counters().stream()
                .collect(Collectors.summingDouble(c -> c.count()));
    }

    private void restore(int keep) {
        served.subList(keep, served.size()).clear();
        ids.subList(keep, ids.size()).clear();
    }

    @Test
    void aRestoredOrReplacedProducerIsReadAgainFromItsStartAndReportedNeverSkipped() {
        produce(1, 2, 3, 4, 5);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), read());
        assertEquals(List.of(), read());

        // restored from a backup taken at seq 3, then new events took seq 4 to 6: the cursor (at 5) finds
        // another event at its seq, and reads from the start rather than skip the new 4 and 5
        restore(3);
        produce(4, 5, 6);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), read());
        assertEquals(1.0, discontinuities("diverged"));
        assertEquals(List.of(), read());

        // restored from a backup taken at seq 2, nothing new yet: the feed ends before the cursor
        restore(2);
        assertEquals(List.of(1L, 2L), read());
        assertEquals(2.0, discontinuities("diverged"));
        produce(3);
        assertEquals(List.of(3L), read());

        // another producer database: its feed starts again at 1
        feed = UUID.randomUUID();
        served.clear();
        ids.clear();
        produce(1, 2);
        assertEquals(List.of(1L, 2L), read());
        assertEquals(1.0, discontinuities("new-feed"));
        assertEquals(List.of(), read());
    }
}
