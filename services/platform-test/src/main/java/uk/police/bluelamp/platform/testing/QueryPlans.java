package uk.police.bluelamp.platform.testing;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL's plan for a query, as text: what at-scale tests read instead of timing a query. */
public final class QueryPlans {

    private QueryPlans() {}

    /** Binds only the named parameters the query uses, so one set of arguments serves several queries. */
    public static String explain(JdbcClient jdbc, String sql, Map<String, ?> args) {
        var statement = jdbc.sql("explain " + sql);
        for (Map.Entry<String, ?> arg : args.entrySet()) {
            if (sql.contains(":" + arg.getKey())) {
                statement = statement.param(arg.getKey(), arg.getValue());
            }
        }
        return String.join("\n", statement.query(String.class).list());
    }
}
