-- Audit: every event is sealed into one hash chain by the application as it is stored
-- (docs/adr/0009-event-hash-chain.md), and carries indexed copies of who/how/when so the
-- whole log can be filtered without deserialising it. A row without a chain position was
-- not written by the application.
alter table domain_event_entry
    add column chain_position bigint unique,
    add column chain_hash     bytea,
    add column occurred_at    timestamptz,
    add column actor          varchar(255),
    add column channel        varchar(32);

update domain_event_entry
set occurred_at = time_stamp::timestamptz,
    actor = convert_from(meta_data, 'UTF8')::jsonb ->> 'actor',
    channel = convert_from(meta_data, 'UTF8')::jsonb ->> 'channel'
where meta_data is not null;

create index domain_event_entry_occurred on domain_event_entry (occurred_at, global_index);
create index domain_event_entry_payload_type on domain_event_entry (payload_type, global_index);
create index domain_event_entry_actor on domain_event_entry (actor, global_index);
create index domain_event_entry_channel on domain_event_entry (channel, global_index);

-- Who opened which case or person's details, when and why (DPA 2018 s.62). A read model of
-- the viewing events, which are themselves in the chained event log.
create table access_log (
    event_id     varchar(255) primary key,
    viewed_at    timestamptz  not null,
    viewer       varchar(255) not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(255) not null,
    reference    varchar(32),
    view         varchar(64)  not null,
    reason       text
);
create index access_log_by_reference on access_log (reference, viewed_at);
create index access_log_by_viewer on access_log (viewer, viewed_at);

-- Read-model rebuilds: who asked, how far they got and what the comparison found. Any node
-- can show the progress of a rebuild another node runs.
create table replay_run (
    id            uuid primary key,
    read_model    varchar(64)  not null,
    requested_by  varchar(255) not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    state         varchar(16)  not null,
    events_done   bigint       not null default 0,
    events_total  bigint       not null default 0,
    events_per_second double precision not null default 0,
    report        text,
    error         text
);
create unique index one_running_replay_per_read_model on replay_run (read_model) where state = 'RUNNING';
