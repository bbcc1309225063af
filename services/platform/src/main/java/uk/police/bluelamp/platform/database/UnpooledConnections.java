package uk.police.bluelamp.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A connection to the application's database made beside its pool, for work that must not take
 * or leave one of the pool's: a session set up for one job, or one held while pooled
 * connections wait on it.
 */
public final class UnpooledConnections {

    private UnpooledConnections() {}

    /** Empty unless the data source is the app's Hikari pool, whose address and account it reuses. */
    public static Optional<Connection> open(DataSource dataSource, Properties settings) throws SQLException {
        if (!(dataSource instanceof HikariDataSource pool)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.putAll(settings);
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        return Optional.of(DriverManager.getConnection(pool.getJdbcUrl(), properties));
    }
}
