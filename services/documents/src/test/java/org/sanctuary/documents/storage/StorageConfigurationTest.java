package org.sanctuary.documents.storage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The storage settings bind where the chart and the README put them: {@code sanctuary.documents.s3.*} (the chart's
 * SANCTUARY_S3_* through application.yml). A nested record once bound them under a doubled prefix, silently.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageConfigurationTest implements TestPropertyProvider {

    @Inject
    StorageConfiguration storage;

    @Inject
    StorageConfiguration.S3 s3;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(ServiceDatabase.create("documents")));
        properties.put("sanctuary.intake.url", "http://127.0.0.1:9"); // not asked here
        try {
            properties.put("sanctuary.documents.path", Files.createTempDirectory("storage-config").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("sanctuary.documents.s3.endpoint", "http://127.0.0.1:9000");
        properties.put("sanctuary.documents.s3.region", "eu-north-1");
        properties.put("sanctuary.documents.s3.bucket", "agency-evidence");
        properties.put("sanctuary.documents.s3.access-key", "local-test-access");
        properties.put("sanctuary.documents.s3.secret-key", "local-test-secret");
        return properties;
    }

    @Test
    void theS3SettingsBindUnderSanctuaryDocumentsS3() {
        assertEquals("filesystem", storage.storage());
        assertEquals("http://127.0.0.1:9000", s3.endpoint());
        assertEquals("eu-north-1", s3.region());
        assertEquals("agency-evidence", s3.bucket());
        assertEquals("local-test-access", s3.accessKey());
        assertEquals("local-test-secret", s3.secretKey());
    }
}
