package uk.police.bluelamp.app.audit;

import static uk.police.bluelamp.app.audit.RebuildMeasurements.head;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The cases behind a year of web reports, cloned server-side like {@link ResourcingHistory}'s
 * contacts: for every cloned web report, the template report's case stream (opened, noted,
 * updated, its status changed, whatever the app recorded) under a new reference, and the viewing
 * and signposting events and the emailed replies staff and citizens made while the template was
 * worked, each template aggregate as a new aggregate of each clone's own (a reply's events stay one
 * aggregate). Text holding the template's reference, contact id, aggregate id or Victim Support
 * referral id is rewritten (each clone's referral its own); sealed values are left as they are,
 * their subjects included (CLONES).
 * Each clone keeps its template's distance from the report.
 */
final class CaseHistory {

    private CaseHistory() {}

    /**
     * @param reference the template case
     * @param contactId the template web report that opened it
     * @param templatesFrom the log's head before the templates were made
     * @param clonesFrom the log's head before the year of contacts was cloned
     */
    static long seed(Connection jdbc, String reference, String contactId, long templatesFrom, long clonesFrom)
            throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute(SUBJECTS_ASIDE);
            sql.execute(SUBJECTS_BACK);
        }
        try (PreparedStatement template = jdbc.prepareStatement(TEMPLATE)) {
            template.setString(1, contactId);
            template.setLong(2, templatesFrom);
            template.setString(3, reference);
            template.execute();
        }
        try (PreparedStatement clone = jdbc.prepareStatement(CLONES)) {
            clone.setString(1, reference);
            clone.setString(2, contactId);
            clone.setLong(3, clonesFrom);
            clone.execute();
        }
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("drop table bench_case_template");
        }
        return head(jdbc);
    }

    private static final String TEMPLATE = """
            create unlogged table bench_case_template as
            select e.aggregate_identifier as agg, e.sequence_number as seq, e.type, e.payload_type,
                   e.payload_revision, e.meta_data, e.actor, e.channel, convert_from(e.payload, 'UTF8') as payload,
                   e.occurred_at - r.occurred_at as after
            from domain_event_entry e,
                 (select occurred_at from domain_event_entry where aggregate_identifier = ?
                  order by sequence_number limit 1) r
            where e.global_index > ?
              and (e.aggregate_identifier = ?
                   or e.payload_type ~ '\\.(CaseViewed|ContactViewed|CitizenSignposted|ReplyReceived|ReplyMatched)$')
            """;

    /**
     * A sealed value names its subject, the template's contact id or the template reply's id:
     * the id's text is replaced everywhere else, so the subject is kept out of reach (upper case,
     * which no replacement matches) and put back. A subject rewritten to the clone's id would have
     * no key and no stream row: the first read of each clone would ask for its key one person at a
     * time and read "[erased]" without decrypting, which no real log does.
     */
    private static final String CLONES = """
            with ids as (select ?::text as reference, ?::text as contact_id, ?::bigint as clones_from)
            insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                payload, payload_revision, payload_type, time_stamp, occurred_at, actor, channel)
            select a.agg, t.seq, t.type, gen_random_uuid()::text, t.meta_data,
                   convert_to(
                     (pg_temp.subjects_back(
                        replace(replace(replace(replace(
                            pg_temp.subjects_aside(t.payload, t.agg, ids.contact_id),
                            t.agg, a.agg), ids.reference, w.ref), ids.contact_id, w.contact_id),
                            coalesce(r.id, '-'), coalesce(md5(w.ref || r.id)::uuid::text, '-')),
                        t.agg, ids.contact_id)::jsonb
                       || case when t.payload::jsonb -> 'at' is not null
                               then jsonb_build_object('at', to_char(a.at at time zone 'UTC',
                                   'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) else '{}' end)::text, 'UTF8'),
                   t.payload_revision, t.payload_type,
                   to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), a.at, t.actor, t.channel
            from ids
            cross join (select aggregate_identifier as contact_id, occurred_at as t0,
                         'BL-2025-' || lpad((row_number() over (order by global_index))::text, 6, '0') as ref
                  from domain_event_entry, ids
                  where global_index > ids.clones_from and payload_type like '%.ContactReceived') w
            cross join bench_case_template t
            cross join (select max(payload::jsonb ->> 'referralId') as id from bench_case_template) r
            cross join lateral (select case when t.agg = ids.reference then w.ref
                                            else md5(w.ref || t.agg)::uuid::text end as agg,
                                       w.t0 + t.after as at) a
            order by a.at, a.agg, t.seq
            """;

    private static final String SUBJECTS_ASIDE = """
            create or replace function pg_temp.subjects_aside(payload text, agg text, contact_id text) returns text
            language sql immutable as $$
              select replace(replace(payload, '"subject":"' || agg || '"', '"subject":"' || upper(agg) || '"'),
                             '"subject":"' || contact_id || '"', '"subject":"' || upper(contact_id) || '"')
            $$
            """;

    private static final String SUBJECTS_BACK = """
            create or replace function pg_temp.subjects_back(payload text, agg text, contact_id text) returns text
            language sql immutable as $$
              select replace(replace(payload, '"subject":"' || upper(agg) || '"', '"subject":"' || agg || '"'),
                             '"subject":"' || upper(contact_id) || '"', '"subject":"' || contact_id || '"')
            $$
            """;
}
