package uk.police.bluelamp.app.audit;

import static uk.police.bluelamp.app.audit.RebuildMeasurements.head;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A year of a contact centre's history, cloned server-side from real contacts: each clone is a
 * template contact's own stored events with a new contact id, new event ids, its own moments and
 * handler, and the template's sealed personal values untouched (they still open under the
 * template's key). Contacts come busiest late in the morning and on Mondays, quietest at night
 * and at weekends; handlers work five shifts a week, with breaks.
 */
final class ResourcingHistory {

    private ResourcingHistory() {}

    /** Returns the head of the log once the year is in, in time order, one week per statement. */
    static long seed(Connection jdbc, Map<String, String> templates, int contacts, int handlers, int weeks)
            throws Exception {
        try (Statement sql = jdbc.createStatement()) {
            sql.execute("""
                    create function pg_temp.iso(timestamptz) returns text language sql immutable
                    as $$ select to_char($1 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$
                    """);
            sql.execute(TEMPLATES.replace(
                    ":templates",
                    templates.entrySet().stream()
                            .map(t -> "('" + t.getValue() + "', '" + t.getKey() + "')")
                            .collect(Collectors.joining(", "))));
            sql.execute(CONTACTS.replace(":contacts", String.valueOf(contacts))
                    .replace(":handlers", String.valueOf(handlers))
                    .replace(":weeks", String.valueOf(weeks)));
            sql.execute(
                    SHIFTS.replace(":handlers", String.valueOf(handlers)).replace(":days", String.valueOf(weeks * 7)));
            // One more: the last shifts of the year end in the week after it.
            for (int week = 0; week <= weeks; week++) {
                sql.executeUpdate(WEEK.replace(":week", String.valueOf(week)));
            }
            sql.execute("drop table bench_template, bench_contact, bench_shift");
        }
        return head(jdbc);
    }

    private static final String START = "timestamptz '2025-12-01 00:00:00+00'";

    /** The templates' events, each with the moment of the contact's life it belongs to. */
    private static final String TEMPLATES = """
            create unlogged table bench_template as
            select t.kind, e.sequence_number as seq, e.type, e.payload_type, e.payload_revision, e.meta_data,
                   e.actor, e.channel, convert_from(e.payload, 'UTF8')::jsonb as payload,
                   case when e.payload_type ~ '(ContactReceived|ChatStarted|CallRang|CallbackRequested)$' then 'offered'
                        when e.payload_type ~ '(ContactAssigned|CallAnswered)$' then 'answered'
                        when e.payload_type ~ 'ContactClosed$' then 'closed'
                        when e.payload_type ~ 'ContactAbandoned$' or t.kind like '%-abandoned' then 'abandoned'
                        else 'ended' end as phase
            from domain_event_entry e join (values :templates) t(id, kind) on e.aggregate_identifier = t.id
            """;

    /**
     * Each contact's kind (calls most, then web reports, chats and call-backs), its offered
     * moment (an hour of the week drawn by its weight, busiest late in the morning and on Mondays)
     * and, in seconds, its wait to be answered, handling, wrap-up, wait before abandoning and a
     * call-back's lead before its window.
     */
    private static final String CONTACTS = """
            create unlogged table bench_contact as
            with slots as (
              select array_agg(how order by how) as hours
              from generate_series(0, 167) how,
                   lateral generate_series(1, round(10
                     * (array[1.0,0.6,0.4,0.3,0.3,0.4,0.8,1.5,2.5,3.2,3.5,3.5,3.4,3.3,3.2,3.1,3.0,3.0,2.8,2.6,2.3,2.0,1.6,1.2])
                       [how % 24 + 1]
                     * (array[1.15,1.05,1.0,1.0,1.05,0.85,0.75])[how / 24 + 1])::int)
            ), drawn as (
              select i, random() as k, random() as r1, random() as r2, random() as r3, random() as r4,
                     floor(random() * :weeks)::int as week, random() as slot
              from generate_series(1, :contacts) i
            )
            select i, kind, week,
                   case when kind like 'phone%' then 'call-bench-' || i else gen_random_uuid()::text end as contact_id,
                   START + week * interval '7 days'
                     + hours[1 + floor(slot * array_length(hours, 1))::int] * interval '1 hour'
                     + r4 * interval '1 hour' as t0,
                   case kind when 'web' then 600 + r1 * 14400 when 'chat' then 10 + r1 * r1 * 300
                             when 'callback' then r1 * 3600 else 5 + r1 * r1 * 600 end as w,
                   case kind when 'web' then 300 + r2 * 1200 when 'chat' then 300 + r2 * 1500
                             else 120 + r2 * 780 end as h,
                   30 + r3 * 240 as wrap,
                   5 + r1 * 400 as a,
                   600 + r2 * 7200 as lead,
                   'handler-' || (i % :handlers) as handler
            from drawn, slots,
                 lateral (select case when k < 0.47 then 'phone' when k < 0.55 then 'phone-abandoned'
                                      when k < 0.75 then 'web' when k < 0.91 then 'chat'
                                      when k < 0.93 then 'chat-abandoned' else 'callback' end as kind) kinds
            """.replace("START", START);

    /** Five shifts a week of eight and a half hours, early, day or late, with two breaks. */
    private static final String SHIFTS = """
            create unlogged table bench_shift as
            select handler, status, previous, at, floor(extract(epoch from at - START) / 604800)::int as week,
                   row_number() over (partition by handler order by at) - 1 as seq
            from (
              select 'handler-' || h as handler, s.status, s.previous,
                     START + d * interval '1 day' + (array[7, 10, 15])[h % 3 + 1] * interval '1 hour'
                       + random() * interval '10 minutes' + s.since as at
              from generate_series(0, :handlers - 1) h, generate_series(0, :days - 1) d,
                   (values ('AVAILABLE', 'OFFLINE', interval '0'), ('BUSY', 'AVAILABLE', interval '150 minutes'),
                           ('AVAILABLE', 'BUSY', interval '165 minutes'), ('AWAY', 'AVAILABLE', interval '270 minutes'),
                           ('AVAILABLE', 'AWAY', interval '300 minutes'), ('OFFLINE', 'AVAILABLE', interval '510 minutes'))
                     s(status, previous, since)
              where (d + h) % 7 < 5
            ) shifts
            """.replace("START", START);

    /**
     * One week of contacts and shifts, in time order. A clone is its template's payload with
     * this contact's id, moments and handler; sealed values are left as they are.
     */
    private static final String WEEK = """
            insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                payload, payload_revision, payload_type, time_stamp, occurred_at, actor, channel)
            select aggregate_identifier, seq, type, gen_random_uuid()::text, meta_data, convert_to(body::text, 'UTF8'),
                   payload_revision, payload_type, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   at, actor, channel
            from (
              select c.contact_id as aggregate_identifier, t.seq, t.type, t.meta_data, t.payload_revision,
                     t.payload_type, t.actor, t.channel, m.at,
                     t.payload
                       || jsonb_build_object('contactId', c.contact_id)
                       || case when t.payload -> 'at' is not null
                               then jsonb_build_object('at', pg_temp.iso(m.at)) else '{}' end
                       || case when t.payload -> 'receivedAt' is not null
                               then jsonb_build_object('receivedAt', pg_temp.iso(m.at)) else '{}' end
                       || case when t.payload -> 'windowStart' is not null
                               then jsonb_build_object('windowStart', pg_temp.iso(c.t0),
                                                       'windowEnd', pg_temp.iso(c.t0 + interval '2 hours'))
                               else '{}' end
                       || case when t.payload ->> 'handler' is not null
                               then jsonb_build_object('handler', c.handler) else '{}' end
                       || case when t.payload ->> 'endedBy' = 'HANDLER'
                               then jsonb_build_object('actor', c.handler) else '{}' end
                       || case when t.payload -> 'call' is not null
                               then jsonb_build_object('call',
                                        jsonb_set(t.payload -> 'call', '{callId}', to_jsonb('bench-' || c.i)))
                               else '{}' end as body
              from bench_contact c
              join bench_template t on t.kind = c.kind
              cross join lateral (select case t.phase
                  when 'offered' then case when c.kind = 'callback' then c.t0 - c.lead * interval '1 second' else c.t0 end
                  when 'answered' then c.t0 + c.w * interval '1 second'
                  when 'ended' then c.t0 + (c.w + c.h) * interval '1 second'
                  when 'closed' then c.t0 + (c.w + c.h + c.wrap) * interval '1 second'
                  else c.t0 + c.a * interval '1 second' end as at) m
              where c.week = :week
              union all
              select s.handler, s.seq, t.type, convert_to(jsonb_build_object('actor', 'staff:' || s.handler,
                         'channel', 'STAFF')::text, 'UTF8'), t.payload_revision, t.payload_type,
                     'staff:' || s.handler, 'STAFF', s.at,
                     convert_from(t.payload, 'UTF8')::jsonb || jsonb_build_object('handler', s.handler,
                         'status', s.status, 'previous', s.previous, 'at', pg_temp.iso(s.at))
              from bench_shift s,
                   (select type, payload, payload_revision, payload_type from domain_event_entry
                    where payload_type like '%.HandlerAvailabilityChanged' order by global_index limit 1) t
              where s.week = :week
            ) events
            order by at, aggregate_identifier, seq
            """;
}
