package org.sanctuary.common.crypto;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.tenancy.Caller;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Per-tenant data keys (AES-256), stored wrapped by the master key in {@code tenant_data_key}
 * under RLS, created on a tenant's first use and cached unwrapped in memory. Destroying the row
 * (offboarding) makes every ciphertext of the tenant unreadable: crypto-shredding.
 */
@Requires(beans = DataSource.class) // services with a database; the gateway has none
@Singleton
public class TenantKeyring {

    private final SecretKey masterKey;
    private final JdbcOperations jdbc;
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();

    public TenantKeyring(CryptoConfiguration configuration, JdbcOperations jdbc) {
        byte[] raw = Base64.getDecoder().decode(configuration.masterKey());
        if (raw.length != 32) {
            throw new IllegalStateException("sanctuary.crypto.master-key must be base64 of 32 bytes");
        }
        this.masterKey = new SecretKeySpec(raw, "AES");
        this.jdbc = jdbc;
    }

    /** The current tenant's data key; must run inside a transaction (the caller's). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SecretKey currentTenantKey() {
        String tenant = Caller.require().tenantId();
        SecretKey cached = cache.get(tenant);
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
        boolean existed = exists(tenant);
        currentTenantKey();
        return !existed;
    }

    /**
     * Destroys the current tenant's data key: every value sealed under it becomes unreadable for good
     * (crypto-shredding). True when there was a key to destroy.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean destroyCurrentTenantKey() {
        String tenant = Caller.require().tenantId();
        cache.remove(tenant);
        return jdbc.prepareStatement("delete from tenant_data_key where tenant_id = ?", statement -> {
            statement.setString(1, tenant);
            return statement.executeUpdate();
        }) == 1;
    }

    private boolean exists(String tenant) {
        return jdbc.prepareStatement("select 1 from tenant_data_key where tenant_id = ?", statement -> {
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }

    private SecretKey load(String tenant) {
        byte[] aad = ("tenant-data-key|" + tenant).getBytes(StandardCharsets.UTF_8);
        jdbc.prepareStatement("insert into tenant_data_key (tenant_id, wrapped_key) values (?, ?) "
                + "on conflict (tenant_id) do nothing", statement -> {
            statement.setString(1, tenant);
            statement.setBytes(2, Aead.encrypt(masterKey, newKey().getEncoded(), aad));
            return statement.executeUpdate();
        });
        byte[] wrapped = jdbc.prepareStatement("select wrapped_key from tenant_data_key where tenant_id = ?",
                statement -> {
                    statement.setString(1, tenant);
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("no data key for the tenant");
                        }
                        return rs.getBytes(1);
                    }
                });
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
