package org.sanctuary.documents.content;

import org.junit.jupiter.api.Test;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChunkedCipherTest {

    private final SecretKey key = key();
    private final byte[] plain = random(3 * ChunkedCipher.CHUNK + 1234);

    private static SecretKey key() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(3).nextBytes(bytes);
        return bytes;
    }

    private byte[] seal(byte[] content) throws IOException {
        return ChunkedCipher.encrypting(new ByteArrayInputStream(content), key, "tenant-a", "doc-1").readAllBytes();
    }

    private byte[] open(byte[] stored, String tenant, String document) throws IOException {
        return ChunkedCipher.decrypting(new ByteArrayInputStream(stored), key, tenant, document).readAllBytes();
    }

    @Test
    void roundTripsAnySizeIncludingExactChunkMultiples() throws IOException {
        for (int size : new int[]{1, ChunkedCipher.CHUNK - 1, ChunkedCipher.CHUNK, 2 * ChunkedCipher.CHUNK, plain.length}) {
            byte[] content = Arrays.copyOf(plain, size);
            assertArrayEquals(content, open(seal(content), "tenant-a", "doc-1"), "size " + size);
        }
    }

    @Test
    void tamperingTruncationAndAnotherTenantOrDocumentAllFail() throws IOException {
        byte[] stored = seal(plain);
        byte[] flipped = stored.clone();
        flipped[stored.length / 2] ^= 1;
        assertThrows(ChunkedCipher.TamperedException.class, () -> open(flipped, "tenant-a", "doc-1"));
        // cut off after the first record: that record was not sealed as the last one
        int firstRecord = 4 + 4 + 12 + ChunkedCipher.CHUNK + 16;
        assertThrows(ChunkedCipher.TamperedException.class, () -> open(Arrays.copyOf(stored, firstRecord), "tenant-a", "doc-1"));
        assertThrows(ChunkedCipher.TamperedException.class, () -> open(Arrays.copyOf(stored, stored.length - 5), "tenant-a", "doc-1"));
        assertThrows(ChunkedCipher.TamperedException.class, () -> open(stored, "tenant-b", "doc-1"));
        assertThrows(ChunkedCipher.TamperedException.class, () -> open(stored, "tenant-a", "doc-2"));
    }
}
