package org.sanctuary.documents.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Plaintext on its way in: counted against a limit (the read that crosses it fails) and hashed with SHA-256. */
public final class Measured extends FilterInputStream {

    /** The body went past the tenant's limit while streaming. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private final MessageDigest sha256;
    private long count;

    public Measured(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new TooLargeException(limit);
            }
            sha256.update(b, off, n);
        }
        return n;
    }

    public long count() {
        return count;
    }

    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
