package uk.police.bluelamp.contact.queue;

import static uk.police.bluelamp.contact.queue.Rows.fit;
import static uk.police.bluelamp.contact.queue.Rows.required;
import static uk.police.bluelamp.platform.readmodel.Unnest.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One queue_item row in memory, as a batch of events leaves it (QueueChanges). */
final class QueueRow {

    static final String SELECT = """
            select contact_id, channel, state, priority, grade, queued_at, first_queued_at, summary, reference,
                   from_number, handler, answered_at, ended_at, closed_at, abandoned, category, retention_kept_until,
                   disposed_at, unanswered, waiting_since, needed_skill, summary_category, language
            from queue_item where contact_id = any(?::text[])
            """;

    private static final String COLUMNS = """
            ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[],
            ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::boolean[],
            ?::text[], ?::timestamptz[], ?::timestamptz[], ?::integer[], ?::timestamptz[], ?::text[], ?::text[],
            ?::text[]""";

    static final String INSERT = """
            insert into queue_item (contact_id, channel, state, priority, grade, queued_at, first_queued_at, summary,
                                    reference, from_number, handler, answered_at, ended_at, closed_at, abandoned,
                                    category, retention_kept_until, disposed_at, unanswered, waiting_since,
                                    needed_skill, summary_category, language)
            select * from unnest(%s)
            """.formatted(COLUMNS);

    static final String UPDATE = """
            update queue_item q set channel = d.channel, state = d.state, priority = d.priority, grade = d.grade,
                   queued_at = d.queued_at, first_queued_at = d.first_queued_at, summary = d.summary,
                   reference = d.reference, from_number = d.from_number, handler = d.handler,
                   answered_at = d.answered_at, ended_at = d.ended_at, closed_at = d.closed_at,
                   abandoned = d.abandoned, category = d.category, retention_kept_until = d.retention_kept_until,
                   disposed_at = d.disposed_at, unanswered = d.unanswered, waiting_since = d.waiting_since,
                   needed_skill = d.needed_skill, summary_category = d.summary_category, language = d.language
            from unnest(%s) d(contact_id, channel, state, priority, grade, queued_at, first_queued_at, summary,
                              reference, from_number, handler, answered_at, ended_at, closed_at, abandoned, category,
                              retention_kept_until, disposed_at, unanswered, waiting_since, needed_skill,
                              summary_category, language)
            where q.contact_id = d.contact_id
            """.formatted(COLUMNS);

    String contactId;
    String channel;
    String state;
    int priority = 5;
    String grade;
    Instant queuedAt;
    Instant firstQueuedAt;
    String summary;
    String reference;
    String fromNumber;
    String handler;
    Instant answeredAt;
    Instant endedAt;
    Instant closedAt;
    boolean abandoned;
    String category;
    Instant retentionKeptUntil;
    Instant disposedAt;
    int unanswered;
    Instant waitingSince;
    String neededSkill;
    String summaryCategory;
    String language;

    /** The columns in the order of SELECT, INSERT and UPDATE. */
    Object[] values() {
        return new Object[] {
            contactId,
            channel,
            state,
            priority,
            grade,
            queuedAt,
            firstQueuedAt,
            summary,
            reference,
            fromNumber,
            handler,
            answeredAt,
            endedAt,
            closedAt,
            abandoned,
            category,
            retentionKeptUntil,
            disposedAt,
            unanswered,
            waitingSince,
            neededSkill,
            summaryCategory,
            language
        };
    }

    static QueueRow read(ResultSet row) throws SQLException {
        QueueRow item = new QueueRow();
        item.contactId = row.getString("contact_id");
        item.channel = row.getString("channel");
        item.state = row.getString("state");
        item.priority = row.getInt("priority");
        item.grade = row.getString("grade");
        item.queuedAt = instant(row, "queued_at");
        item.firstQueuedAt = instant(row, "first_queued_at");
        item.summary = row.getString("summary");
        item.reference = row.getString("reference");
        item.fromNumber = row.getString("from_number");
        item.handler = row.getString("handler");
        item.answeredAt = instant(row, "answered_at");
        item.endedAt = instant(row, "ended_at");
        item.closedAt = instant(row, "closed_at");
        item.abandoned = row.getBoolean("abandoned");
        item.category = row.getString("category");
        item.retentionKeptUntil = instant(row, "retention_kept_until");
        item.disposedAt = instant(row, "disposed_at");
        item.unanswered = row.getInt("unanswered");
        item.waitingSince = instant(row, "waiting_since");
        item.neededSkill = row.getString("needed_skill");
        item.summaryCategory = row.getString("summary_category");
        item.language = row.getString("language");
        return item;
    }

    /** Refuses what the table refuses (V4, V20, V25, V35, V67), and cuts what it cuts. */
    void check() throws SQLException {
        contactId = required(fit(contactId, 64));
        channel = required(fit(channel, 20));
        state = required(fit(state, 20));
        grade = fit(grade, 40);
        required(queuedAt);
        required(firstQueuedAt);
        summary = required(fit(summary, 200));
        reference = fit(reference, 20);
        fromNumber = fit(fromNumber, 40);
        handler = fit(handler, 100);
        category = fit(category, 40);
        neededSkill = fit(neededSkill, 40);
        summaryCategory = fit(summaryCategory, 40);
        language = fit(language, 10);
    }
}
