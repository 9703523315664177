package org.sanctuary.documents.storage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every blob store must do; each adapter's test runs these against the real thing. */
abstract class BlobStoreContract {

    abstract BlobStore store();

    static String key() {
        return "tenant-a/" + UUID.randomUUID();
    }

    @Test
    void writesReadsAndDeletes() throws IOException {
        String key = key();
        byte[] content = "sealed bytes".getBytes();
        store().write(key, new ByteArrayInputStream(content));
        assertTrue(store().exists(key));
        try (InputStream in = store().read(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        store().delete(key);
        assertFalse(store().exists(key));
        assertThrows(BlobMissingException.class, () -> store().read(key).readAllBytes());
    }

    @Test
    void streamsContentLargerThanOnePart() throws Exception {
        String key = key();
        long size = 2L * S3BlobStore.PART + 12345;
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        store().write(key, generated(size, written));
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream in = store().read(key)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.update(buffer, 0, n);
                total += n;
            }
        }
        assertTrue(total == size, "read " + total + " of " + size);
        assertArrayEquals(written.digest(), read.digest());
        store().delete(key);
    }

    @Test
    void aWriteThatFailsMidStreamLeavesNothing() throws IOException {
        String key = key();
        InputStream failing = new InputStream() {
            private long sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent > S3BlobStore.PART + 100) {
                    throw new IOException("the client went away");
                }
                int n = Math.min(len, 4096);
                sent += n;
                return n;
            }
        };
        assertThrows(IOException.class, () -> store().write(key, failing));
        assertFalse(store().exists(key));
    }

    static InputStream generated(long size, MessageDigest digest) {
        Random random = new Random(7);
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                digest.update(chunk);
                left -= n;
                return n;
            }
        };
    }
}
