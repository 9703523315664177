package org.sanctuary.documents.content;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM in chunks, so a file of any size is encrypted and decrypted as a stream. Stored form:
 * the magic {@code SDC1}, then records {@code plainLength (int) | nonce (12) | ciphertext+tag}. Each
 * record's AAD binds tenant, document, its index and whether it is the last one, so records cannot
 * be reordered, moved to another document or tenant, or cut off at the end without failing.
 */
public final class ChunkedCipher {

    public static final int CHUNK = 256 * 1024;
    private static final byte[] MAGIC = "SDC1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Raised when stored bytes do not decrypt: tampered, truncated, or under another key. */
    public static final class TamperedException extends IOException {
        public TamperedException(String message) {
            super(message);
        }
    }

    private ChunkedCipher() {
    }

    public static InputStream encrypting(InputStream plain, SecretKey key, String tenant, String document) {
        return new Encrypting(plain, key, aad(tenant, document));
    }

    public static InputStream decrypting(InputStream stored, SecretKey key, String tenant, String document) {
        return new Decrypting(stored, key, aad(tenant, document));
    }

    private static byte[] aad(String tenant, String document) {
        return ("document|" + tenant + "|" + document + "|").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] recordAad(byte[] prefix, long index, boolean last) {
        return ByteBuffer.allocate(prefix.length + 9).put(prefix).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    /** A stream served record by record: {@code advance()} fills {@code out} with the next one, false at the end. */
    private abstract static class RecordStream extends InputStream {
        byte[] out = new byte[0];
        int position;

        abstract boolean advance() throws IOException;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == out.length) {
                if (!advance()) {
                    return -1;
                }
            }
            int n = Math.min(len, out.length - position);
            System.arraycopy(out, position, b, off, n);
            position += n;
            return n;
        }
    }

    private static final class Encrypting extends RecordStream {
        private final InputStream plain;
        private final SecretKey key;
        private final byte[] aad;
        private byte[] current = new byte[CHUNK];
        private int currentLength;
        private byte[] next = new byte[CHUNK];
        private int nextLength;
        private long index;
        private boolean started;
        private boolean finished;

        Encrypting(InputStream plain, SecretKey key, byte[] aad) {
            this.plain = plain;
            this.key = key;
            this.aad = aad;
            this.out = MAGIC;
        }

        @Override
        boolean advance() throws IOException {
            if (finished) {
                return false;
            }
            if (!started) {
                started = true;
                currentLength = plain.readNBytes(current, 0, CHUNK);
                nextLength = currentLength < CHUNK ? 0 : plain.readNBytes(next, 0, CHUNK);
            } else {
                byte[] swap = current;
                current = next;
                next = swap;
                currentLength = nextLength;
                if (currentLength == 0) {
                    finished = true;
                    return false;
                }
                nextLength = currentLength < CHUNK ? 0 : plain.readNBytes(next, 0, CHUNK);
            }
            boolean last = nextLength == 0;
            out = seal(current, currentLength, last);
            position = 0;
            index++;
            if (last) {
                // the next advance() ends the stream
                nextLength = 0;
            }
            return true;
        }

        private byte[] seal(byte[] chunk, int length, boolean last) throws IOException {
            try {
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(recordAad(aad, index, last));
                byte[] sealed = cipher.doFinal(chunk, 0, length);
                return ByteBuffer.allocate(4 + 12 + sealed.length).putInt(length).put(nonce).put(sealed).array();
            } catch (GeneralSecurityException e) {
                throw new IOException("encryption failed", e);
            }
        }
    }

    /** Plaintext from the stored form; any tampering surfaces as a {@link TamperedException}. */
    private static final class Decrypting extends RecordStream {
        private final DataInputStream stored;
        private final SecretKey key;
        private final byte[] aad;
        private long index;
        private boolean headerRead;
        private boolean sawLast;
        private int pendingLength = -1;

        Decrypting(InputStream stored, SecretKey key, byte[] aad) {
            this.stored = new DataInputStream(stored);
            this.key = key;
            this.aad = aad;
        }

        @Override
        boolean advance() throws IOException {
            if (!headerRead) {
                byte[] magic = new byte[4];
                if (stored.readNBytes(magic, 0, 4) != 4 || !java.util.Arrays.equals(magic, MAGIC)) {
                    throw new TamperedException("not a sealed document");
                }
                headerRead = true;
                pendingLength = readLength();
                if (pendingLength < 0) {
                    throw new TamperedException("no content");
                }
            }
            if (pendingLength < 0) {
                if (!sawLast) {
                    throw new TamperedException("truncated");
                }
                return false;
            }
            if (pendingLength > CHUNK) {
                throw new TamperedException("bad record length");
            }
            byte[] nonce = new byte[12];
            byte[] sealed = new byte[pendingLength + 16];
            try {
                stored.readFully(nonce);
                stored.readFully(sealed);
            } catch (EOFException e) {
                throw new TamperedException("truncated");
            }
            int following = readLength();
            boolean last = following < 0;
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(recordAad(aad, index, last));
                out = cipher.doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new TamperedException("record " + index + " does not authenticate");
            }
            position = 0;
            index++;
            sawLast = last;
            pendingLength = following;
            return true;
        }

        /** The next record's plaintext length, or -1 at the end of the stored bytes. */
        private int readLength() throws IOException {
            byte[] four = new byte[4];
            int n = stored.readNBytes(four, 0, 4);
            if (n == 0) {
                return -1;
            }
            if (n < 4) {
                throw new TamperedException("truncated");
            }
            return ByteBuffer.wrap(four).getInt();
        }

        @Override
        public void close() throws IOException {
            stored.close();
        }
    }
}
