package org.sanctuary.devstack;

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

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A local stand-in for Keycloak's token side: Keycloak-shaped tokens ({@code organization}, flat
 * {@code roles}) signed with a key kept in a file, and the JWKS served where Keycloak serves it.
 * Local demo only.
 */
public final class LocalIssuer implements Closeable {

    public static final String REALM_PATH = "/realms/sanctuary";

    private final RSAKey key;
    private final int port;
    private HttpServer server;

    private LocalIssuer(RSAKey key, int port) {
        this.key = key;
        this.port = port;
    }

    /** Loads the key from {@code keyFile}, creating it on first use. */
    public static LocalIssuer withKey(Path keyFile, int port) throws IOException {
        try {
            if (Files.exists(keyFile)) {
                return new LocalIssuer(RSAKey.parse(Files.readString(keyFile)), port);
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("sanctuary-local-" + UUID.randomUUID()).generate();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, key.toJSONString());
            return new LocalIssuer(key, port);
        } catch (JOSEException | ParseException e) {
            throw new IOException("could not load the local issuer key", e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + REALM_PATH;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public LocalIssuer serve() throws IOException {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        // the client-credentials grant, for services' background reads of each other's feeds (benchmarks)
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", exchange -> {
            byte[] answer = ("{\"access_token\":\"" + token(null, "service-account", List.of("platform-service"))
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return this;
    }

    /** A token for {@code user} of organization {@code tenant}; {@code tenant} null for a platform role without one. */
    public String token(String tenant, String user, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).subject(user).claim("preferred_username", user)
                .claim("typ", "Bearer").claim("azp", "sanctuary-platform")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(12))))
                .jwtID(UUID.randomUUID().toString()).claim("roles", roles);
        JWTClaimsSet claims = (tenant == null ? builder : builder.claim("organization", List.of(tenant))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
