package org.sanctuary.common.crypto;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code sanctuary.crypto.master-key}: base64 of 32 bytes that wraps every tenant's data key.
 * Comes from a secret in every real deployment (a KMS later); only the local demo and the tests
 * carry a clearly marked key in the repository.
 */
@ConfigurationProperties("sanctuary.crypto")
public record CryptoConfiguration(@NotBlank String masterKey) {
}
