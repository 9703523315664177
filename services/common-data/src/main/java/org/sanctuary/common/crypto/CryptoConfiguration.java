package org.sanctuary.common.crypto;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * {@code sanctuary.crypto}: {@code master-key}, base64 of 32 bytes that wraps every tenant's data key. Comes from a
 * secret in every real deployment (a KMS later); only the local demo and the tests carry a clearly marked key in
 * the repository. {@code key-cache-ttl}: how long an unwrapped tenant key is kept in memory (an offboarding's
 * destruction reaches every replica within it).
 */
@ConfigurationProperties("sanctuary.crypto")
public record CryptoConfiguration(@NotBlank String masterKey, @Bindable(defaultValue = "5m") Duration keyCacheTtl) {
}
