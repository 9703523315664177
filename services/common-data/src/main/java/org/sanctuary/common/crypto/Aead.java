package org.sanctuary.common.crypto;

import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM with a random 96-bit nonce. Layout: {@code version(1) || nonce(12) || ciphertext+tag}.
 * The associated data binds a ciphertext to where it belongs (tenant, column, row), so it cannot be
 * moved to another row or tenant and still decrypt.
 */
public final class Aead {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    public static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public static byte[] decrypt(SecretKey key, byte[] envelope, byte[] associatedData) {
        if (envelope.length < 1 + NONCE_BYTES + TAG_BITS / 8 || envelope[0] != VERSION) {
            throw new IllegalStateException("not a Sanctuary ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(envelope, 1 + NONCE_BYTES, envelope.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new ProblemException(ProblemType.INTEGRITY, "A protected field failed authentication.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }
}
