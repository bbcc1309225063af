package uk.police.bluelamp.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where a string is stored: every table of the database, bytea columns decoded. */
final class EveryTable {

    private EveryTable() {}

    /** The tables with a row whose JSON, or one of whose bytea columns, contains the string. */
    static List<String> holding(JdbcClient jdbc, String secret) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> tables = jdbc.sql("""
                select table_schema, table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                """).query().listOfRows();
        for (Map<String, Object> table : tables) {
            String schema = (String) table.get("table_schema");
            String name = (String) table.get("table_name");
            List<String> bytea = jdbc.sql("""
                    select column_name from information_schema.columns
                    where table_schema = :schema and table_name = :table and data_type = 'bytea'
                    """)
                    .param("schema", schema)
                    .param("table", name)
                    .query(String.class)
                    .list();
            StringBuilder text = new StringBuilder("row_to_json(t)::text");
            bytea.forEach(column ->
                    text.append(" || coalesce(encode(t.\"").append(column).append("\", 'escape'), '')"));
            long rows;
            try {
                rows = jdbc.sql("select count(*) from \"" + schema + "\".\"" + name
                                + "\" t where position(lower(:secret) in " + "lower(" + text + ")) > 0")
                        .param("secret", secret)
                        .query(Long.class)
                        .single();
            } catch (BadSqlGrammarException dropped) {
                continue; // a rebuild's scratch table, dropped since the list was read: it holds nothing now
            }
            if (rows > 0) {
                found.add(schema + "." + name);
            }
        }
        return found;
    }
}
