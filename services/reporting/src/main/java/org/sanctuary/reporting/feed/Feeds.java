package org.sanctuary.reporting.feed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.outbox.Event;
import org.sanctuary.common.outbox.FeedReader;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.event.AssessmentEvents;
import org.sanctuary.contracts.event.DocumentEvents;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.contracts.event.IntakeEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The read models, built only from the services' event feeds: each source read after its own cursor,
 * each event applied in its tenant under RLS and at most once (its id is recorded in the same
 * transaction), so a restart resumes where it stopped and a rebuild from seq 0 gives the same tables.
 */
@Requires(beans = FeedReader.class)
@Singleton
public class Feeds {

    private static final Logger LOG = LoggerFactory.getLogger(Feeds.class);

    private final FeedReader reader;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, String> sources;
    private final Aggregates aggregates;
    private final JsonMapper json;

    public Feeds(FeedReader reader, Sql sql, TransactionOperations<Connection> transactions, Aggregates aggregates,
                 Sources sources, JsonMapper json) {
        this.json = json;
        this.reader = reader;
        this.sql = sql;
        this.transactions = transactions;
        this.aggregates = aggregates;
        this.sources = sources.inReadingOrder();
    }

    @Scheduled(fixedDelay = "${sanctuary.reporting.feed-interval:10s}", initialDelay = "${sanctuary.reporting.feed-initial-delay:15s}")
    void scheduled() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warn("feeds not read this time: {}", e.getMessage());
        }
    }

    /** Reads every source to its end; the number of events read. */
    public synchronized long catchUp() {
        long read = 0;
        for (Map.Entry<String, String> source : sources.entrySet()) { // tenants last (Sources)
            read += reader.readAll(source.getKey(), source.getValue(), 1000, this::apply);
        }
        return read;
    }

    /** Empties the read models and the cursors, then reads every feed again from seq 0. */
    public synchronized long rebuild() {
        forEachTenant("rebuild", this::purge);
        reader.reset();
        return catchUp();
    }

    /** Derives every tenant's counts again from the read models (after a fix in how they are kept, say). */
    public synchronized int rederive() {
        return forEachTenant("rederive", aggregates::derive);
    }

    /** Runs {@code work} as each tenant seen in the feeds, one transaction each; how many there were. */
    private int forEachTenant(String job, Consumer<String> work) {
        List<String> tenants = transactions.executeRead(status -> sql.query("select tenant_id from report_tenant", rs -> rs.getString(1)));
        for (String tenant : tenants) {
            Caller.callAs(Caller.system(tenant, job), () -> transactions.executeWrite(status -> {
                work.accept(tenant);
                return null;
            }));
        }
        return tenants.size();
    }

    /** Deletes everything of {@code tenant} from the read models and their counts (not its id). */
    private void purge(String tenant) {
        for (String table : List.of("decision_record", "claim_record", "document_record", "applied_event")) {
            sql.update("delete from " + table + " where tenant_id = ?", tenant);
        }
        aggregates.clear(tenant);
    }

    /** One event, as its tenant, in the transaction that moves the cursor: applied at most once (its id is kept). */
    private void apply(Event event) {
        String tenant = event.tenantId();
        sql.update("insert into report_tenant (tenant_id) values (?) on conflict do nothing", tenant);
        if (sql.update("insert into applied_event (tenant_id, event_id) values (?, ?) on conflict do nothing", tenant, event.eventId()) == 1) {
            event.known().ifPresent(type -> apply(tenant, type, event));
        }
    }

    private void apply(String tenant, EventType type, Event event) {
        switch (type) {
            case CLAIM_LODGED -> {
                IntakeEvents.ClaimLodged p = event.payload(IntakeEvents.ClaimLodged.class, json);
                String nationality = p.nationalities() == null || p.nationalities().isEmpty() ? null : p.nationalities().get(0);
                if (sql.update("insert into claim_record (tenant_id, claim_id, applicant_id, nationality, military_status, lodged_on, "
                                + "first_instance_deadline, status) values (?, ?, ?, ?, ?, ?, ?, 'LODGED') on conflict (tenant_id, claim_id) do nothing",
                        tenant, p.claimId(), p.applicantId(), nationality, p.militaryStatus(), p.lodgedOn(), p.firstInstanceDeadline()) == 1) {
                    aggregates.claimLodged(tenant, p.lodgedOn(), p.militaryStatus(), nationality, p.firstInstanceDeadline());
                }
            }
            case CLAIM_STATUS_CHANGED -> {
                IntakeEvents.ClaimStatusChanged p = event.payload(IntakeEvents.ClaimStatusChanged.class, json);
                String to = p.to().name();
                sql.queryOne("select status, lodged_on, first_instance_deadline from claim_record where tenant_id = ? and claim_id = ?",
                                rs -> new Object[]{rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)},
                                tenant, p.claimId())
                        .filter(claim -> !claim[0].equals(to))
                        .ifPresent(claim -> {
                            sql.update("update claim_record set status = ? where tenant_id = ? and claim_id = ?", to, tenant, p.claimId());
                            aggregates.statusChanged(tenant, (LocalDate) claim[1], (String) claim[0], to, (LocalDate) claim[2]);
                        });
            }
            case DECISION_APPROVED -> {
                AssessmentEvents.DecisionApproved p = event.payload(AssessmentEvents.DecisionApproved.class, json);
                if (sql.update("insert into decision_record (tenant_id, decision_id, claim_id, applicant_id, stage, outcome, decided_on, rules_met) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", tenant, p.decisionId(), p.claimId(),
                        p.applicantId(), p.stage(), p.outcome(), p.decidedOn(), p.rulesMet() == null ? new String[0] : p.rulesMet().toArray(String[]::new)) == 1) {
                    LocalDate lodgedOn = sql.queryOne("select lodged_on from claim_record where tenant_id = ? and claim_id = ?",
                            rs -> rs.getObject(1, LocalDate.class), tenant, p.claimId()).orElse(null);
                    aggregates.decided(tenant, p.stage(), p.applicantId(), p.decisionId(), p.decidedOn(), p.outcome(), lodgedOn);
                }
            }
            case DOCUMENT_ADDED -> {
                DocumentEvents.DocumentAdded p = event.payload(DocumentEvents.DocumentAdded.class, json);
                sql.update("insert into document_record (tenant_id, document_id, claim_id, category, added_on) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing", tenant, p.documentId(), p.claimId(), p.category(), LocalDate.ofInstant(p.at(), ZoneOffset.UTC));
            }
            case DOCUMENT_DELETED -> {
                DocumentEvents.DocumentDeleted p = event.payload(DocumentEvents.DocumentDeleted.class, json);
                sql.update("update document_record set deleted_on = ? where tenant_id = ? and document_id = ?",
                        LocalDate.ofInstant(p.at(), ZoneOffset.UTC), tenant, p.documentId());
            }
            case TENANT_OFFBOARDED -> {
                // the tenant has left: nothing of it stays in the statistics (its counts, its read models, its id)
                purge(tenant);
                sql.update("delete from report_tenant where tenant_id = ?", tenant);
            }
            default -> {
                // other events carry nothing these read models count (nor do types newer than this build)
            }
        }
    }
}
