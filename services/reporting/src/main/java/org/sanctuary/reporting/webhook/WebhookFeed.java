package org.sanctuary.reporting.webhook;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.sanctuary.common.outbox.FeedReader;
import org.sanctuary.reporting.feed.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the services' feeds for webhooks, with cursors of its own ({@code webhook:intake}, …: a rebuild of the read
 * models never re-sends anything), and queues each event for the subscriptions that want it in the transaction that
 * moves the cursor: an event is queued exactly when it is passed, so it is delivered at least once.
 */
@Requires(beans = FeedReader.class)
@Singleton
public class WebhookFeed {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookFeed.class);

    private final FeedReader reader;
    private final Webhooks webhooks;
    private final Map<String, String> sources = new LinkedHashMap<>();

    public WebhookFeed(FeedReader reader, Webhooks webhooks, Sources sources) {
        this.reader = reader;
        this.webhooks = webhooks;
        sources.inReadingOrder().forEach((name, url) -> this.sources.put("webhook:" + name, url));
    }

    @Scheduled(fixedDelay = "${sanctuary.webhooks.interval:2s}", initialDelay = "${sanctuary.reporting.feed-initial-delay:15s}")
    void scheduled() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warn("feeds not read for webhooks this time: {}", e.getMessage());
        }
    }

    /** Reads every feed to its end, queueing what subscriptions want; the number of events read. */
    public synchronized long catchUp() {
        long read = 0;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            read += reader.readAll(source.getKey(), source.getValue(), 1000, webhooks::enqueue);
        }
        return read;
    }
}
