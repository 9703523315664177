package org.sanctuary.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one decision every service's tests share: a real PostgreSQL from {@code JDBC_URL} (with
 * {@code JDBC_USER}/{@code JDBC_PASSWORD}, a superuser), else Testcontainers where a Docker engine
 * answers, else zonky's embedded PostgreSQL 17 (works without Docker, also as root). One server per
 * JVM; each test class gets its own database from {@link ServiceDatabase}.
 */
public final class TestPostgres {

    public record Server(String host, int port, String user, String password, String source) {
        public String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Server server;

    private TestPostgres() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("JDBC_URL");
        if (url != null && !url.isBlank()) {
            java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
            return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    env("JDBC_USER", "postgres"), env("JDBC_PASSWORD", "postgres"), "JDBC_URL");
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "testcontainers");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("localhost", embedded.getPort(), "postgres", "postgres", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
