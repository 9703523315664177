package org.sanctuary.common.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.TenantConnectionCustomizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Thin, explicit SQL over Micronaut Data's {@link JdbcOperations}: it runs on the connection of the
 * caller's transaction, so the RLS hook has already set the tenant. Every statement still names
 * {@code tenant_id} itself: the second of the two isolation layers.
 */
@Singleton
public class Sql {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Marks a parameter that must be sent as jsonb. */
    public record Json(String value) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public Sql(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A value as a jsonb parameter (null stays SQL null). */
    public Json jsonb(Object value) {
        return value == null ? null : new Json(text(value));
    }

    public String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a jsonb column selected as text ({@code column::text}). */
    public <T> T read(String value, Argument<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a statement failed on a foreign key: the row it names does not exist (for this tenant). */
    public static boolean isForeignKeyViolation(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when a statement failed on a unique constraint: the row (or a partial index's row) exists. */
    public static boolean isUniqueViolation(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            return statement.executeUpdate();
        });
    }

    /**
     * Runs {@code work} as {@code caller} on the current transaction's connection: a platform
     * operation (no tenant of its own) that must write into one tenant's rows, such as an event in
     * that tenant's stream, atomically with its own change. The connection's tenant is restored after.
     */
    public <T> T asTenant(Caller caller, Supplier<T> work) {
        String previous = queryOne("select coalesce(current_setting('" + TenantConnectionCustomizer.SETTING + "', true), '')",
                rs -> rs.getString(1)).orElse("");
        setTenant(caller.tenantId());
        try {
            return Caller.callAs(caller, work);
        } finally {
            setTenant(previous);
        }
    }

    private void setTenant(String tenant) {
        query("select set_config('" + TenantConnectionCustomizer.SETTING + "', ?, false)", rs -> null, tenant);
    }

    /** Runs one or more statements (pgjdbc sends them in one round trip), ignoring their results. */
    public void execute(String sql, Object... params) {
        jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            return statement.execute();
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p == null) {
                statement.setNull(index, Types.NULL);
            } else if (p instanceof Json json) {
                statement.setObject(index, json.value(), Types.OTHER);
            } else if (p instanceof Instant instant) {
                statement.setTimestamp(index, Timestamp.from(instant));
            } else if (p instanceof LocalDate date) {
                statement.setObject(index, date);
            } else if (p instanceof UUID uuid) {
                statement.setObject(index, uuid);
            } else if (p instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else {
                statement.setObject(index, p);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
