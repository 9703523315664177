package org.sanctuary.reporting;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15: the OpenAPI document this service publishes holds its public operations only, never /internal ones. */
class PublicContractTest {

    @Test
    void theGeneratedDocumentHasNoInternalOperation() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/sanctuary-reporting-v1.yml")) {
            assertNotNull(in, "the generated OpenAPI document");
            String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(document.contains("/api/v1/"), "public operations are there");
            assertFalse(document.contains("/internal/"), "no internal operation is published");
        }
    }
}
