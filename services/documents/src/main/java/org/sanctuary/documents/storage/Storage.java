package org.sanctuary.documents.storage;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** The configured blob store: {@code sanctuary.documents.storage} = filesystem (default) or s3. */
@Factory
class Storage {

    @Singleton
    BlobStore blobStore(@Value("${sanctuary.documents.storage:filesystem}") String kind,
                        @Value("${sanctuary.documents.path:./.documents}") String path,
                        @Value("${sanctuary.documents.s3.endpoint:}") String endpoint,
                        @Value("${sanctuary.documents.s3.region:us-east-1}") String region,
                        @Value("${sanctuary.documents.s3.bucket:sanctuary-documents}") String bucket,
                        @Value("${sanctuary.documents.s3.access-key:}") String accessKey,
                        @Value("${sanctuary.documents.s3.secret-key:}") String secretKey) throws IOException {
        return switch (kind) {
            case "filesystem" -> new FileSystemBlobStore(Path.of(path).toAbsolutePath());
            case "s3" -> new S3BlobStore(S3Clients.create(URI.create(endpoint), region, accessKey, secretKey), bucket);
            default -> throw new IllegalStateException("sanctuary.documents.storage must be filesystem or s3, not " + kind);
        };
    }
}
