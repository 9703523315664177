package org.sanctuary.common.tenancy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.support.AbstractConnectionOperations;
import io.micronaut.data.connection.support.ConnectionCustomizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The RLS hook: every time Micronaut Data hands out a connection (a transaction, or a single
 * statement outside one) the current {@link Caller}'s tenant is written to the session setting that
 * every row-level-security policy reads, and cleared when the connection goes back to the pool.
 * Nested uses of an open connection (every statement inside a transaction) leave it as it is.
 * No caller ⇒ the setting is empty ⇒ every tenant table shows zero rows (fails closed).
 */
@Context
@EachBean(DataSource.class)
public final class TenantConnectionCustomizer implements ConnectionCustomizer<Connection> {

    public static final String SETTING = "sanctuary.tenant_id";
    private static final String SET = "select set_config('" + SETTING + "', ?, false)";

    public TenantConnectionCustomizer(@Parameter AbstractConnectionOperations<Connection> connections) {
        connections.addConnectionCustomizer(this);
    }

    @Override
    public <R> Function<ConnectionStatus<Connection>, R> intercept(Function<ConnectionStatus<Connection>, R> operation) {
        return status -> {
            if (!status.isNew()) {
                return operation.apply(status); // a nested use of the same connection: already set
            }
            Connection connection = status.getConnection();
            set(connection, Caller.current().map(Caller::tenantId).orElse(""));
            try {
                return operation.apply(status);
            } finally {
                set(connection, "");
            }
        };
    }

    private static void set(Connection connection, String tenant) {
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            statement.setString(1, tenant);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the tenant on the connection", e);
        }
    }
}
