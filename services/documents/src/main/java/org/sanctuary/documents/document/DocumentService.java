package org.sanctuary.documents.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.tika.Tika;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.crypto.TenantKeyring;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.contracts.claim.ClaimRef;
import org.sanctuary.contracts.event.DocumentEvents;
import org.sanctuary.contracts.event.EventType;
import org.sanctuary.documents.content.ChunkedCipher;
import org.sanctuary.documents.content.Measured;
import org.sanctuary.documents.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Evidence in and out. An upload is checked before a byte is read (claim, name, declared size),
 * sniffed from its first bytes, then streamed: counted against the pack's limit, hashed, encrypted in
 * chunks under the tenant's key and written to the blob store; the metadata row is written only once
 * the blob is complete, so a failure anywhere leaves neither. A download is verified (decrypted and
 * hashed in full) before it is sent, then streamed.
 */
@Singleton
public class DocumentService {

    public static final String RESOURCE = "document";
    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final int SNIFF = 8192;

    /** A verified document ready to stream. */
    public record Download(Document document, InputStream content) {
    }

    private final DocumentStore store;
    private final BlobStore blobs;
    private final TenantKeyring keyring;
    private final Upstream upstream;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Tika tika = new Tika();

    public DocumentService(DocumentStore store, BlobStore blobs, TenantKeyring keyring, Upstream upstream, AuditTrail audit,
                           Outbox outbox, TransactionOperations<Connection> transactions, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.keyring = keyring;
        this.upstream = upstream;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Document upload(UUID claimId, Category category, String filename, @Nullable String description,
                           OptionalLong declaredLength, InputStream body) {
        String name = Filenames.checked(filename);
        if (description != null && description.length() > 2000) {
            throw ProblemException.invalid("description", "must be at most 2000 characters");
        }
        if (declaredLength.isPresent() && declaredLength.getAsLong() == 0) {
            throw ProblemException.invalid("body", "is empty; a document needs content");
        }
        Upstream.Rules rules = upstream.rules();
        if (declaredLength.isPresent() && declaredLength.getAsLong() > rules.maxBytes()) {
            throw tooLarge(rules);
        }
        ClaimRef claim = upstream.claim(claimId);
        String tenant = Caller.require().tenantId();
        SecretKey key = transactions.executeWrite(status -> keyring.currentTenantKey());
        UUID id = UUID.randomUUID();
        String blobKey = tenant + "/" + id;
        byte[] head = new byte[SNIFF];
        int headLength;
        try {
            headLength = body.readNBytes(head, 0, SNIFF);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "could not be read: the upload was interrupted");
        }
        if (headLength == 0) {
            throw ProblemException.invalid("body", "is empty; a document needs content");
        }
        String type = tika.detect(java.util.Arrays.copyOf(head, headLength)); // the bytes decide, never the name
        if (!rules.allowedTypes().contains(type)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The content is " + type
                    + " (judged from its bytes, not its name); this organization accepts " + rules.allowedTypes() + ".");
        }
        Measured plain = new Measured(new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), body), rules.maxBytes());
        try {
            blobs.write(blobKey, ChunkedCipher.encrypting(plain, key, tenant, id.toString()));
        } catch (Measured.TooLargeException e) {
            throw tooLarge(rules);
        } catch (IOException e) {
            LOG.info("upload of {} for claim {} abandoned: {}", id, claimId, e.getMessage());
            throw ProblemException.invalid("body", "could not be read completely: the upload was interrupted; nothing was kept");
        }
        Instant now = Instant.now(clock);
        Document document = new Document(id, claimId, claim.applicantId(), category,
                description == null || description.isBlank() ? null : description.strip(), name, type, plain.count(),
                plain.sha256(), Document.Status.AVAILABLE, false, null, null, now, Caller.require().subject(), null, null, 1);
        try {
            transactions.executeWrite(status -> {
                store.insert(document, blobKey, rules.retentionYears());
                audit.record("document.create", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
                outbox.publish(EventType.DOCUMENT_ADDED, claimId, new DocumentEvents.DocumentAdded(id, claimId, claim.applicantId(), category.name(), type,
                        document.sizeBytes(), document.sha256(), now));
                return null;
            });
        } catch (RuntimeException e) {
            deleteQuietly(blobKey);
            throw e;
        }
        return document;
    }

    public Document get(UUID id) {
        return transactions.executeWrite(status -> found(id, "document.read").document());
    }

    public List<Document> ofClaim(UUID claimId) {
        return transactions.executeWrite(status -> {
            List<Document> documents = store.ofClaim(claimId).stream().map(DocumentStore.Row::document).toList();
            audit.record("document.list", RESOURCE, "claim:" + claimId, AuditTrail.Outcome.SUCCESS);
            return documents;
        });
    }

    /**
     * Verifies the stored content against its hash (decrypting all of it), then opens it again to
     * stream. A mismatch or a record that does not authenticate is refused and audited.
     * The claim's assignment (read from intake as the caller) and {@code accessReason} (a stated reason, or null) matter
     * for sensitive categories only: see {@link #requireNeedToKnow}.
     */
    public Download download(UUID id, @Nullable String accessReason) {
        record Opened(DocumentStore.Row row, SecretKey key) {
        }
        Opened opened = transactions.executeWrite(status -> {
            DocumentStore.Row row = found(id, "document.download");
            return new Opened(row, keyring.currentTenantKey());
        });
        Document document = opened.row().document();
        if (document.category().sensitive()) {
            requireNeedToKnow(document, accessReason);
        }
        if (document.status() == Document.Status.DELETED) {
            throw new ProblemException(ProblemType.GONE, "The document's content was deleted on " + document.deletedAt()
                    + " (" + document.deletionReason() + "); its hash " + document.sha256() + " remains on record.");
        }
        String tenant = Caller.require().tenantId();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = ChunkedCipher.decrypting(blobs.read(opened.row().blobKey()), opened.key(), tenant, id.toString())) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(document.sha256())) {
                throw new ChunkedCipher.TamperedException("hash mismatch");
            }
            return new Download(document, ChunkedCipher.decrypting(blobs.read(opened.row().blobKey()), opened.key(), tenant, id.toString()));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            LOG.error("document {} failed its integrity check: {}", id, e.getMessage());
            throw new ProblemException(ProblemType.INTEGRITY, "The stored content of this document no longer matches its "
                    + "SHA-256 (" + document.sha256() + "); it is withheld and the event is audited.")
                    .audited("document.integrity-failure", RESOURCE, id.toString());
        }
    }

    /**
     * Evidence of health or religion opens to supervisors and the claim's assigned caseworker; anyone else
     * states a reason, recorded (with the fact that special-category content was opened) in the audit chain,
     * where supervisors see it. Without need to know or a reason: 403, audited as DENIED.
     */
    private void requireNeedToKnow(Document document, @Nullable String accessReason) {
        Caller caller = Caller.require();
        boolean needToKnow = caller.hasAnyRole(Roles.SUPERVISOR)
                || AccessReason.needToKnow(caller, upstream.claim(document.claimId()).assignedCaseworker());
        String reason = AccessReason.parse(accessReason).orElse(null);
        if (!needToKnow && reason == null) {
            throw AccessReason.required("contents of this " + document.category() + " evidence")
                    .audited("document.download", RESOURCE, document.id().toString());
        }
        transactions.executeWrite(status -> {
            audit.record("document.open-special", RESOURCE, document.id().toString(), AuditTrail.Outcome.SUCCESS,
                    new AuditTrail.Detail(true, needToKnow ? null : reason));
            return null;
        });
    }

    /** Deletes the content, keeping the tombstone; refused while on legal hold. */
    public Document delete(UUID id, String reason) {
        DocumentStore.Row row = transactions.executeWrite(status -> {
            DocumentStore.Row found = found(id, "document.delete");
            if (found.document().legalHold()) {
                throw new ProblemException(ProblemType.CONFLICT, "The document is on legal hold (" + found.document().legalHoldReason()
                        + "); lift the hold first.");
            }
            if (found.document().status() == Document.Status.DELETED) {
                throw new ProblemException(ProblemType.CONFLICT, "The document's content is already deleted.");
            }
            if (!store.tombstone(id, Instant.now(clock), reason)) {
                throw new ProblemException(ProblemType.CONFLICT, "The document changed meanwhile; read it again.");
            }
            outbox.publish(EventType.DOCUMENT_DELETED, found.document().claimId(), new DocumentEvents.DocumentDeleted(id, found.document().claimId(),
                    found.document().sha256(), reason, Instant.now(clock)));
            return found;
        });
        deleteQuietly(row.blobKey());
        return transactions.executeWrite(status -> store.find(id).orElseThrow().document());
    }

    public Document hold(UUID id, boolean hold, @Nullable String reason) {
        String action = hold ? "document.hold" : "document.release";
        return transactions.executeWrite(status -> {
            found(id, action);
            if (hold && (reason == null || reason.isBlank())) {
                throw ProblemException.invalid("reason", "is required to place a legal hold");
            }
            store.hold(id, hold, reason == null ? null : reason.strip());
            return store.find(id).orElseThrow().document();
        });
    }

    /**
     * Retention for the current tenant: the content of documents whose claim closed their retention
     * years ago (the pack's {@code retentionYears} at upload) goes; held documents stay; tombstones remain.
     */
    public int applyRetention() {
        LocalDate today = LocalDate.now(clock);
        List<DocumentStore.Row> due = transactions.executeWrite(status -> store.due(today));
        int deleted = 0;
        for (DocumentStore.Row row : due) {
            boolean done = transactions.executeWrite(status -> {
                boolean tombstoned = store.tombstone(row.document().id(), Instant.now(clock), "retention: the claim closed on "
                        + row.document().claimClosedOn());
                if (tombstoned) {
                    audit.record("document.retention-delete", RESOURCE, row.document().id().toString(), AuditTrail.Outcome.SUCCESS);
                    outbox.publish(EventType.DOCUMENT_DELETED, row.document().claimId(), new DocumentEvents.DocumentDeleted(row.document().id(),
                            row.document().claimId(), row.document().sha256(), "retention", Instant.now(clock)));
                }
                return tombstoned;
            });
            if (done) {
                deleteQuietly(row.blobKey());
                deleted++;
            }
        }
        return deleted;
    }

    private DocumentStore.Row found(UUID id, String action) {
        DocumentStore.Row row = store.find(id).orElseThrow(() -> ProblemException.notFound("Document")
                .audited(action, RESOURCE, id.toString()));
        audit.record(action, RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        return row;
    }

    private void deleteQuietly(String blobKey) {
        try {
            blobs.delete(blobKey);
        } catch (IOException e) {
            LOG.warn("blob {} could not be deleted; an orphan sweep will find it: {}", blobKey, e.getMessage());
        }
    }

    private static ProblemException tooLarge(Upstream.Rules rules) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "This organization accepts documents of at most "
                + rules.maxBytes() + " bytes; nothing was kept.");
    }
}
