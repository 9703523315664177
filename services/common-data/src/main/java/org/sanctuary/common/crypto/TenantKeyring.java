package org.sanctuary.common.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-tenant data keys (AES-256), stored wrapped by the master key (from the environment or a secret
 * store, never from the database) in {@code tenant_data_key} under RLS, created on a tenant's first use.
 * Destroying a key (offboarding) turns its row into a tombstone: every ciphertext of the tenant is
 * unreadable for good (crypto-shredding), and the tenant never silently gets a fresh key — using it
 * is a 410 Gone. Unwrapped keys are cached for at most {@code sanctuary.crypto.key-cache-ttl} (5 min),
 * so a replica that did not handle the destruction stops using the key within that time.
 */
@Singleton
public class TenantKeyring {

    private final SecretKey masterKey;
    private final JdbcOperations jdbc;
    private final Cache<String, SecretKey> cache;

    public TenantKeyring(CryptoConfiguration configuration, JdbcOperations jdbc) {
        byte[] raw = Base64.getDecoder().decode(configuration.masterKey());
        if (raw.length != 32) {
            throw new IllegalStateException("sanctuary.crypto.master-key must be base64 of 32 bytes");
        }
        this.masterKey = new SecretKeySpec(raw, "AES");
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder().expireAfterWrite(configuration.keyCacheTtl()).maximumSize(10_000).build();
    }

    /** The current tenant's data key; must run inside a transaction (the caller's). A destroyed key is a 410. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SecretKey currentTenantKey() {
        String tenant = Caller.require().tenantId();
        SecretKey cached = cache.getIfPresent(tenant);
        if (cached != null) {
            return cached;
        }
        SecretKey key = load(tenant);
        cache.put(tenant, key);
        return key;
    }

    /** Creates the current tenant's data key now if it has none (provisioning); true when it was created. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean ensureCurrentTenantKey() {
        String tenant = Caller.require().tenantId();
        boolean existed = stored(tenant).isPresent();
        currentTenantKey();
        return !existed;
    }

    /**
     * Destroys the current tenant's data key: every value sealed under it becomes unreadable for good
     * (crypto-shredding); the row stays as a tombstone. True when there was a live key to destroy.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean destroyCurrentTenantKey() {
        String tenant = Caller.require().tenantId();
        cache.invalidate(tenant);
        Optional<byte[]> before = stored(tenant);
        // a tombstone also where no key was ever made: the tenant can never get one after offboarding
        jdbc.prepareStatement("insert into tenant_data_key (tenant_id, wrapped_key, destroyed_at) values (?, null, now()) "
                + "on conflict (tenant_id) do update set wrapped_key = null, destroyed_at = now() "
                + "where tenant_data_key.destroyed_at is null", statement -> {
            statement.setString(1, tenant);
            return statement.executeUpdate();
        });
        return before.isPresent() && before.get().length > 0;
    }

    /** The wrapped key of {@code tenant}: empty when it has none yet; an empty array for a tombstone. */
    private Optional<byte[]> stored(String tenant) {
        return jdbc.prepareStatement("select wrapped_key, destroyed_at from tenant_data_key where tenant_id = ?", statement -> {
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getObject("destroyed_at") != null ? new byte[0] : rs.getBytes("wrapped_key"));
            }
        });
    }

    /**
     * Reads the tenant's key, and creates it only when there is none: a read (of a value sealed under the key, in a
     * read-only transaction) after the cache expired must not write.
     */
    private SecretKey load(String tenant) {
        byte[] aad = ("tenant-data-key|" + tenant).getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = stored(tenant).orElseGet(() -> {
            jdbc.prepareStatement("insert into tenant_data_key (tenant_id, wrapped_key) values (?, ?) "
                    + "on conflict (tenant_id) do nothing", statement -> {
                statement.setString(1, tenant);
                statement.setBytes(2, Aead.encrypt(masterKey, newKey().getEncoded(), aad));
                return statement.executeUpdate();
            });
            return stored(tenant).orElseThrow(() -> new IllegalStateException("no data key for the tenant"));
        });
        if (wrapped.length == 0) {
            throw new ProblemException(ProblemType.GONE, "Your organization's data key was destroyed when it was offboarded; "
                    + "its protected data is gone for good.");
        }
        return new SecretKeySpec(Aead.decrypt(masterKey, wrapped, aad), "AES");
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
