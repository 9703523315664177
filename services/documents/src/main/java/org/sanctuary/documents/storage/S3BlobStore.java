package org.sanctuary.documents.storage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Blobs in an S3-compatible bucket (AWS SDK v2). Content of unknown length goes up as a multipart
 * upload in parts of {@code PART} bytes (only one part is ever in memory); a failure aborts the
 * upload, so no object appears. Small content is one PUT.
 */
public final class S3BlobStore implements BlobStore {

    static final int PART = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        byte[] part = new byte[PART];
        int length = content.readNBytes(part, 0, PART);
        if (length < PART) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(java.util.Arrays.copyOf(part, length)));
                return;
            } catch (SdkException e) {
                throw new IOException("S3 put failed", e);
            }
        }
        String upload;
        try {
            upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        } catch (SdkException e) {
            throw new IOException("S3 multipart start failed", e);
        }
        List<CompletedPart> parts = new ArrayList<>();
        try {
            int number = 1;
            int filled = length;
            while (filled > 0) {
                int n = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(n),
                        RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled))).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
                number++;
                filled = content.readNBytes(part, 0, PART);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
            } catch (SdkException ignored) {
                // the bucket's lifecycle rule for incomplete uploads is the backstop
            }
            throw e instanceof IOException io ? io : new IOException("S3 upload failed", e);
        }
    }

    @Override
    public InputStream read(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new BlobMissingException(key);
        } catch (SdkException e) {
            throw new IOException("S3 get failed", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("S3 delete failed", e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 head failed", e);
        }
    }
}
