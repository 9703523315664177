package org.sanctuary.documents.storage;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** The configured blob store: {@code sanctuary.documents.storage} = filesystem (default) or s3. */
@Factory
class Storage {

    @Singleton
    BlobStore blobStore(StorageConfiguration configuration, StorageConfiguration.S3 s3) throws IOException {
        return switch (configuration.storage()) {
            case "filesystem" -> new FileSystemBlobStore(Path.of(configuration.path()).toAbsolutePath());
            case "s3" -> new S3BlobStore(S3Clients.create(URI.create(s3.endpoint()), s3.region(), s3.accessKey(), s3.secretKey()),
                    s3.bucket());
            default -> throw new IllegalStateException("sanctuary.documents.storage must be filesystem or s3, not "
                    + configuration.storage());
        };
    }
}
