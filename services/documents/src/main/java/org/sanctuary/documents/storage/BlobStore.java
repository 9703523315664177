package org.sanctuary.documents.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where sealed document content lives: the local filesystem (default, the local stack) or an
 * S3-compatible object store. Both pass the same contract tests. A failed {@link #write} leaves
 * nothing behind.
 */
public interface BlobStore {

    /** Stores everything {@code content} yields under {@code key}; on any failure nothing remains under it. */
    void write(String key, InputStream content) throws IOException;

    InputStream read(String key) throws IOException;

    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;
}
