-- Issue 16 (routes). Counts only, nothing about anyone: a citizen pointed to another service
-- before any case was opened, and each satisfaction answer by channel (no reference, no comment),
-- so erasure has nothing to remove here. One row per event, keyed by its id: a redelivered event
-- is not counted twice.
create table signposting_fact (
    event_id varchar(255) primary key,
    at       timestamptz  not null,
    reason   varchar(20)  not null,
    channel  varchar(20)  not null
);
create index signposting_fact_at on signposting_fact (at);

create table satisfaction_fact (
    event_id     varchar(255) primary key,
    at           timestamptz  not null,
    channel      varchar(20)  not null,
    asked_by     varchar(20)  not null,
    satisfaction varchar(20)  not null
);
create index satisfaction_fact_at on satisfaction_fact (at);
