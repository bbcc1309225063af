package uk.police.bluelamp.audit.replay;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Empty copies of a read model's tables in a schema of their own, on a connection of their
 * own whose search_path finds only them: a projection writing there cannot touch the live
 * tables, and a table it writes that is not in the list fails loudly instead of leaking.
 */
final class ShadowTables implements AutoCloseable {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    /** {@code onlyBefore}: rows the live table had that the rebuild did not produce; {@code onlyAfter} the reverse. */
    @Schema(name = "TableComparison")
    record Comparison(
            @Schema(requiredMode = REQUIRED) String table,
            @Schema(requiredMode = REQUIRED) long rowsBefore,
            @Schema(requiredMode = REQUIRED) long rowsAfter,
            String checksumBefore,
            String checksumAfter,
            @Schema(requiredMode = REQUIRED) long onlyBefore,
            @Schema(requiredMode = REQUIRED) long onlyAfter,
            @Schema(requiredMode = REQUIRED) boolean identical,
            // Absent from reports written before samples were kept.
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> sampleOnlyBefore,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> sampleOnlyAfter) {

        Comparison withoutSamples() {
            return new Comparison(
                    table,
                    rowsBefore,
                    rowsAfter,
                    checksumBefore,
                    checksumAfter,
                    onlyBefore,
                    onlyAfter,
                    identical,
                    List.of(),
                    List.of());
        }
    }

    private final Connection connection;
    private final List<Connection> writers;
    private final String schema;
    private final List<String> tables;
    private final List<String> deferredIndexes;

    /** @param writers one connection per segment writer; the first also compares and swaps */
    /**
     * @param deferUnique build unique indexes after the load too: only for projections that
     *                    write no {@code on conflict} (a duplicate then fails the index build)
     * @param uniqueAfterLoad the live names of unique indexes to build after the load all the same
     */
    ShadowTables(
            List<Connection> writers,
            String schema,
            List<String> tables,
            boolean deferUnique,
            List<String> uniqueAfterLoad,
            List<String> indexesForWriting)
            throws SQLException {
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("Not a table name: " + table);
            }
        }
        this.writers = List.copyOf(writers);
        this.connection = writers.get(0);
        this.schema = schema;
        this.tables = tables;
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("create schema " + schema);
            for (String table : tables) {
                // Unlogged: a rebuild that dies is simply run again, so its writes need no WAL.
                sql.execute(
                        "create unlogged table " + schema + "." + table + " (like public." + table + " including all)");
            }
        }
        deferredIndexes = dropIndexesForTheLoad(deferUnique, uniqueAfterLoad, indexesForWriting);
        connection.commit();
        for (Connection writer : writers) {
            writer.setAutoCommit(false);
            try (Statement sql = writer.createStatement()) {
                sql.execute("set search_path to " + schema);
                // A rebuild that dies is run again, so its own commits need not wait for the disk.
                sql.execute("set synchronous_commit to off");
                // The copies grow from empty: a plan cached while they were small would scan a
                // whole table later on (25 ms a batch at 200,000 spans), so each is planned anew.
                sql.execute("set plan_cache_mode to force_custom_plan");
            }
            writer.commit();
        }
    }

    List<Connection> connections() {
        return writers;
    }

    /**
     * Indexes that only serve reads are built once the bulk of the rows are in, which costs
     * far less than keeping them up to date row by row; unique ones stay unless deferred,
     * since projections' {@code on conflict} relies on them, and so do those the projection looks
     * rows up by (matched to the live index of that name by table and definition: a copy's index
     * has a name of its own).
     */
    private List<String> dropIndexesForTheLoad(
            boolean deferUnique, List<String> uniqueAfterLoad, List<String> indexesForWriting) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (java.sql.PreparedStatement query = connection.prepareStatement("""
                select i.indexname, i.indexdef, i.tablename, c.conname from pg_indexes i
                left join pg_constraint c on c.conname = i.indexname and c.connamespace = ?::regnamespace
                where i.schemaname = ?
                and (? or i.indexdef not like 'CREATE UNIQUE INDEX%'
                     or exists (select 1 from pg_indexes u where u.schemaname = 'public'
                                and u.tablename = i.tablename and u.indexname = any(?)
                                and substring(u.indexdef from ' USING .*') = substring(i.indexdef from ' USING .*')))
                and not exists (select 1 from pg_indexes w where w.schemaname = 'public'
                                and w.tablename = i.tablename and w.indexname = any(?)
                                and substring(w.indexdef from ' USING .*') = substring(i.indexdef from ' USING .*'))
                """)) {
            query.setString(1, schema);
            query.setString(2, schema);
            query.setBoolean(3, deferUnique);
            query.setArray(4, connection.createArrayOf("text", uniqueAfterLoad.toArray()));
            query.setArray(5, connection.createArrayOf("text", indexesForWriting.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    definitions.add(row.getString(2));
                    drops.add(
                            row.getString(4) == null
                                    ? "drop index " + schema + "." + row.getString(1)
                                    : "alter table " + schema + "." + row.getString(3) + " drop constraint "
                                            + row.getString(4));
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (String drop : drops) {
                sql.execute(drop);
            }
        }
        return definitions;
    }

    /** One index per writer connection at a time, so they build side by side. */
    void buildDeferredIndexes() throws Exception {
        ExecutorService builders = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<?>> built = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                Connection writer = writers.get(i);
                List<String> share = new ArrayList<>();
                for (int j = i; j < deferredIndexes.size(); j += writers.size()) {
                    share.add(deferredIndexes.get(j));
                }
                built.add(builders.submit(() -> {
                    try (Statement sql = writer.createStatement()) {
                        for (String definition : share) {
                            sql.execute(definition);
                        }
                    }
                    writer.commit();
                    return null;
                }));
            }
            for (Future<?> index : built) {
                index.get();
            }
        } finally {
            builders.shutdownNow();
        }
    }

    /** Rows and an order-independent checksum of each live table against its rebuilt copy. */
    List<Comparison> compare() throws SQLException {
        List<Comparison> result = new ArrayList<>();
        for (String table : tables) {
            String live = "public." + table;
            String rebuilt = schema + "." + table;
            String onlyLive = "(select * from " + live + " except all select * from " + rebuilt + ") d";
            String onlyRebuilt = "(select * from " + rebuilt + " except all select * from " + live + ") d";
            String before = checksum(live);
            String after = checksum(rebuilt);
            long rows = count("select count(*) from " + live);
            // Equal checksums are equal multisets of rows: the usual rebuild, and every scrub
            // after an erasure, need not sort both tables twice more to find no difference.
            boolean identical = before.equals(after);
            result.add(new Comparison(
                    table,
                    rows,
                    identical ? rows : count("select count(*) from " + rebuilt),
                    before,
                    after,
                    identical ? 0 : count("select count(*) from " + onlyLive),
                    identical ? 0 : count("select count(*) from " + onlyRebuilt),
                    identical,
                    identical ? List.of() : samples(onlyLive, table),
                    identical ? List.of() : samples(onlyRebuilt, table)));
        }
        connection.commit();
        return result;
    }

    /**
     * The live tables take the rebuilt rows in one transaction; readers see old or new, never
     * half. Tables are listed parents first, so rows go in that order and out in reverse.
     */
    /** What else must change in the transaction that swaps the tables in. */
    interface AlsoInSwap {
        void run(Connection swap) throws Exception;
    }

    /** The class of the advisory locks that serialise swaps, one per read model. */
    static final int SWAP_LOCKS = 10_025;

    /**
     * One swap of a read model at a time, across nodes: the delete's snapshot must not be taken
     * while another run's swap of the same tables is on its way.
     */
    void replaceLive(String readModel, AlsoInSwap also) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("set local synchronous_commit to on");
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, SWAP_LOCKS);
                lock.setString(2, readModel);
                lock.execute();
            }
            for (int i = tables.size() - 1; i >= 0; i--) {
                sql.executeUpdate("delete from public." + tables.get(i));
            }
            for (String table : tables) {
                sql.executeUpdate("insert into public." + table + " select * from " + schema + "." + table);
            }
        }
        try {
            also.run(connection);
        } catch (Exception e) {
            connection.rollback();
            throw e;
        }
        connection.commit();
    }

    private String checksum(String table) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select coalesce(md5(string_agg(h, '' order by h)), md5('')) from "
                        + "(select md5(t::text) as h from " + table + " t) rows")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * A few differing rows, each named by its primary key and a hash of the whole row: enough to
     * look the record up (through the audited views), and no personal data in the report, which
     * outlives any erasure that comes after it.
     */
    private List<String> samples(String rows, String table) throws SQLException {
        List<String> key = primaryKey(table);
        String named = key.isEmpty()
                ? "''"
                : String.join(
                        " || ', ' || ",
                        key.stream()
                                .map(column -> "'" + column + "=' || coalesce(d." + column + "::text, 'null')")
                                .toList());
        List<String> samples = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select " + named + ", md5(d::text) from " + rows + " limit 3")) {
            while (row.next()) {
                samples.add((key.isEmpty() ? "" : row.getString(1) + ", ") + "row md5 " + row.getString(2));
            }
        }
        return samples;
    }

    private List<String> primaryKey(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement("select a.attname from pg_index i "
                + "join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) "
                + "where i.indrelid = ?::regclass and i.indisprimary order by a.attnum")) {
            sql.setString(1, "public." + table);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    columns.add(row.getString(1));
                }
            }
        }
        return columns;
    }

    private long count(String query) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection writer : writers.subList(1, writers.size())) {
            writer.close();
        }
        try (connection;
                Statement sql = connection.createStatement()) {
            connection.rollback();
            sql.execute("drop schema if exists " + schema + " cascade");
            connection.commit();
        }
    }
}
