package org.sanctuary.assessment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document says what a finding's reason codes hold: a code, and arguments of any JSON type (not objects only). */
class ReasonContractTest {

    @Test
    void theDocumentLetsAReasonsArgumentsBeAnyJsonValue() throws IOException {
        String document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/sanctuary-assessment-v1.yml")) {
            assertNotNull(in);
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(document.contains("$ref: \"#/components/schemas/ReasonCode\""), "findings' reasonCodes name the schema");
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("\n    ReasonCode:\n((?: {5,}.*\n)+)").matcher(document);
        assertTrue(block.find(), "a ReasonCode schema");
        assertTrue(block.group(1).contains("args:\n          type: object\n          additionalProperties: true\n"), block.group(1));
    }
}
