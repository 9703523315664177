package org.sanctuary.documents.storage;

import java.io.IOException;

/** The metadata names a blob the store does not have. */
public final class BlobMissingException extends IOException {
    public BlobMissingException(String key) {
        super("no blob " + key);
    }
}
