package uk.police.bluelamp.platform.readmodel;

import java.sql.SQLException;
import java.util.Map;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Why a projection could not handle an event, told without the event's data. PostgreSQL's
 * messages quote values ("Failing row contains (…)"), and exception messages may too, so what is
 * kept is only the exception's type, the SQLState, the table, column and constraint it names, and
 * where in our code it happened. This is what the dead letter, the log and the admin page carry;
 * the original exception, with its messages, goes nowhere.
 * <p>
 * {@link #undone()} says whether the handler's writes were rolled back (to a savepoint) when it
 * failed: only then may the event be parked while the rest of its batch commits.
 */
public final class ProjectionFailure extends RuntimeException {

    private static final String OUR_CODE = "uk.police.bluelamp.";
    private static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("23502", "not_null_violation"), Map.entry("23503", "foreign_key_violation"),
            Map.entry("23505", "unique_violation"), Map.entry("23514", "check_violation"),
            Map.entry("22001", "string_data_right_truncation"), Map.entry("22021", "character_not_in_repertoire"),
            Map.entry("22P02", "invalid_text_representation"), Map.entry("22P05", "untranslatable_character"),
            Map.entry("42P01", "undefined_table"), Map.entry("42703", "undefined_column"),
            Map.entry("40001", "serialization_failure"), Map.entry("40P01", "deadlock_detected"),
            Map.entry("57014", "query_canceled"), Map.entry("55P03", "lock_not_available"));

    private final String type;
    private final boolean undone;

    private ProjectionFailure(String type, String description, boolean undone, StackTraceElement[] stackTrace) {
        super(description, null, false, true);
        this.type = type;
        this.undone = undone;
        setStackTrace(stackTrace);
    }

    /** The failure, described without data; one already described is returned as it is. */
    public static ProjectionFailure of(Throwable failure) {
        return failure instanceof ProjectionFailure described ? described : describe(failure, false);
    }

    /** The failure of a handler whose writes were rolled back to a savepoint: its event can be parked. */
    public static ProjectionFailure undone(Throwable failure) {
        ProjectionFailure described = of(failure);
        return described.undone
                ? described
                : new ProjectionFailure(described.type, described.getMessage(), true, described.getStackTrace());
    }

    private static ProjectionFailure describe(Throwable failure, boolean undone) {
        SQLException sql = find(failure, SQLException.class);
        Throwable cause = sql != null ? sql : innermost(failure);
        StringBuilder description = new StringBuilder(simpleName(cause));
        if (sql != null && sql.getSQLState() != null) {
            description.append(", SQLState ").append(sql.getSQLState());
            String condition = CONDITIONS.get(sql.getSQLState());
            if (condition != null) {
                description.append(" (").append(condition).append(')');
            }
            if (sql instanceof PSQLException postgres && postgres.getServerErrorMessage() != null) {
                ServerErrorMessage server = postgres.getServerErrorMessage();
                name(description, "table", server.getTable());
                name(description, "column", server.getColumn());
                name(description, "constraint", server.getConstraint());
                name(description, "type", server.getDatatype());
            }
        }
        StackTraceElement ours = ourFrame(failure);
        if (ours != null) {
            description
                    .append(", at ")
                    .append(ours.getClassName().substring(ours.getClassName().lastIndexOf('.') + 1))
                    .append('.')
                    .append(ours.getMethodName())
                    .append('(')
                    .append(ours.getFileName())
                    .append(':')
                    .append(ours.getLineNumber())
                    .append(')');
        }
        return new ProjectionFailure(
                cause.getClass().getName(), description.toString(), undone, failure.getStackTrace());
    }

    /** The original exception's class name. */
    public String type() {
        return type;
    }

    /** Whether the handler's writes were undone, so that its event can be parked alone. */
    public boolean undone() {
        return undone;
    }

    /** As a dead letter stores it: the original type and the description. */
    public ThrowableCause asCause() {
        return new ThrowableCause(type, getMessage());
    }

    /** Identifiers of the schema, never values; limited so a strange name cannot flood the page. */
    private static void name(StringBuilder description, String what, String identifier) {
        if (identifier != null && !identifier.isBlank()) {
            String shown = identifier.length() > 63 ? identifier.substring(0, 63) : identifier;
            description.append(", ").append(what).append(' ').append(shown.replaceAll("[^A-Za-z0-9_.]", "?"));
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static StackTraceElement ourFrame(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(OUR_CODE)) {
                    return frame;
                }
            }
        }
        return null;
    }

    private static String simpleName(Throwable failure) {
        return failure.getClass().getSimpleName();
    }
}
