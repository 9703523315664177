package org.sanctuary.common.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for Keycloak's token endpoint in service tests: its own RSA key pair, the public half
 * served as a JWKS over HTTP, and tokens minted for any tenant and roles in Keycloak's claim shape
 * ({@code organization}, flat {@code roles}). Services validate them exactly as production tokens.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "http://127.0.0.1/realms/sanctuary-test";

    private static TestJwtIssuer instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestJwtIssuer(RSAKey key) {
        this.key = key;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        // the client-credentials grant, as Keycloak's token endpoint answers it: any client gets a
        // platform-service token (services' background jobs reading each other's feeds)
        server.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("grant_type=client_credentials")) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            byte[] answer = ("{\"access_token\":\"" + token(claims("service-account", List.of("platform-service")).build())
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** The OAuth2 token endpoint (client-credentials grant only). */
    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public static synchronized TestJwtIssuer get() {
        if (instance == null) {
            instance = new TestJwtIssuer(newKey("sanctuary-test"));
        }
        return instance;
    }

    /** Another issuer with its own key: its tokens must be refused. */
    public static RSAKey foreignKey() {
        return newKey("foreign");
    }

    private static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid + "-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token for a member of exactly one organization. */
    public String token(String tenant, String subject, String... roles) {
        return token(claims(subject, List.of(roles)).claim("organization", List.of(tenant)).build());
    }

    public JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", subject)
                // an access token (typ Bearer) issued to a client of the platform, as Keycloak shapes it
                .claim("typ", "Bearer")
                .claim("azp", "sanctuary-console")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
    }

    public String token(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    public static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
