package org.sanctuary.common.idempotency;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creates: the key, a hash of the request and the id the create will
 * use are stored in the create's own transaction. A retry with the same key and body gets the
 * first result; the same key with another body is a 422. Two concurrent retries serialise on the
 * key's primary key, so exactly one create happens.
 */
@Singleton
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("^[\\x21-\\x7e]{1,200}$");

    /** Either a fresh id to create the resource under, or the id of the earlier create. */
    public record Claimed(UUID resourceId, boolean replay) {
    }

    private final Sql sql;

    public IdempotencyKeys(Sql sql) {
        this.sql = sql;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Claimed claim(String scope, Optional<String> key, byte[] request) {
        UUID fresh = UUID.randomUUID();
        if (key.isEmpty()) {
            return new Claimed(fresh, false);
        }
        if (!VALID.matcher(key.get()).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String tenant = Caller.require().tenantId();
        byte[] hash = sha256(request);
        int inserted = sql.update("insert into idempotency_key (tenant_id, scope, key, request_hash, resource_id) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", tenant, scope, key.get(), hash, fresh);
        if (inserted == 1) {
            return new Claimed(fresh, false);
        }
        record Earlier(byte[] hash, UUID id) {
        }
        Earlier earlier = sql.queryOne("select request_hash, resource_id from idempotency_key "
                                + "where tenant_id = ? and scope = ? and key = ?",
                        rs -> new Earlier(rs.getBytes(1), Sql.uuid(rs, "resource_id")), tenant, scope, key.get())
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        if (!Arrays.equals(earlier.hash(), hash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        return new Claimed(earlier.id(), true);
    }

    private static byte[] sha256(byte[] request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(request);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
