package db.migration;

/**
 * The Java migration under the name a database migrated before ADR 0032 recorded for it
 * (flyway_schema_history.script): MigrationLayoutTest migrates its old-layout database with it.
 */
public class V8__Seal_events_stored_before_the_chain
        extends db.migration.audit.V8__Seal_events_stored_before_the_chain {}
