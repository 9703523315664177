package org.sanctuary.common.crypto;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.problem.ProblemException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AeadTest {

    private final SecretKey key = new SecretKeySpec(new byte[32], "AES");
    private final byte[] aad = "tenant|religion|row".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsAndUsesAFreshNonce() {
        byte[] plain = "Jehovah's Witness".getBytes(StandardCharsets.UTF_8);
        byte[] one = Aead.encrypt(key, plain, aad);
        byte[] two = Aead.encrypt(key, plain, aad);
        assertFalse(java.util.Arrays.equals(one, two));
        assertArrayEquals(plain, Aead.decrypt(key, one, aad));
    }

    @Test
    void aFlippedBitAnotherContextOrAnotherKeyFails() {
        byte[] sealed = Aead.encrypt(key, "x".getBytes(StandardCharsets.UTF_8), aad);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThrows(ProblemException.class, () -> Aead.decrypt(key, flipped, aad));
        assertThrows(ProblemException.class, () -> Aead.decrypt(key, sealed, "tenant|health|row".getBytes(StandardCharsets.UTF_8)));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(ProblemException.class, () -> Aead.decrypt(new SecretKeySpec(other, "AES"), sealed, aad));
        assertThrows(IllegalStateException.class, () -> Aead.decrypt(key, new byte[5], aad));
    }
}
