package org.sanctuary.documents.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Where the encrypted blobs go ({@code sanctuary.documents}): {@code storage} is filesystem (under {@code path}) or s3. */
@ConfigurationProperties("sanctuary.documents")
record StorageConfiguration(@Bindable(defaultValue = "filesystem") String storage,
                            @Bindable(defaultValue = "./.documents") String path) {

    /** The S3-compatible store ({@code sanctuary.documents.s3}) when {@code storage} is s3. */
    @ConfigurationProperties("s3") // nested: beneath the outer prefix, so sanctuary.documents.s3
    record S3(@Bindable(defaultValue = "") String endpoint,
              @Bindable(defaultValue = "us-east-1") String region,
              @Bindable(defaultValue = "sanctuary-documents") String bucket,
              @Bindable(defaultValue = "") String accessKey,
              @Bindable(defaultValue = "") String secretKey) {
    }
}
