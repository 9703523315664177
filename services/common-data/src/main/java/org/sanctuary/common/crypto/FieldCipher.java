package org.sanctuary.common.crypto;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.common.tenancy.Caller;

import java.nio.charset.StandardCharsets;

/**
 * Encrypts special-category fields (GDPR Art 9) under the current tenant's data key. The associated
 * data is {@code tenant|field|row}, so a ciphertext copied to another row, column or tenant fails.
 */
@Singleton
public class FieldCipher {

    private final TenantKeyring keyring;

    public FieldCipher(TenantKeyring keyring) {
        this.keyring = keyring;
    }

    public @Nullable byte[] seal(@Nullable String plaintext, String field, Object rowId) {
        if (plaintext == null) {
            return null;
        }
        return Aead.encrypt(keyring.currentTenantKey(), plaintext.getBytes(StandardCharsets.UTF_8), aad(field, rowId));
    }

    public @Nullable String open(@Nullable byte[] ciphertext, String field, Object rowId) {
        if (ciphertext == null) {
            return null;
        }
        return new String(Aead.decrypt(keyring.currentTenantKey(), ciphertext, aad(field, rowId)), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String field, Object rowId) {
        return (Caller.require().tenantId() + "|" + field + "|" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
