-- Read model (resourcing): one row per contact with the moments the contact centre's figures are
-- made of. No personal data: no name, number, words or notes; the handler is staff.
create table contact_fact (
    contact_id   varchar(64) primary key,
    channel      varchar(20) not null,
    offered_at   timestamptz not null,
    answered_at  timestamptz,
    answered_by  text,
    abandoned_at timestamptz,
    ended_at     timestamptz,
    closed_at    timestamptz
);
-- Every report reads one channel over a period, or the contacts answered in a period.
create index contact_fact_offered on contact_fact (channel, offered_at);
create index contact_fact_answered on contact_fact (answered_at);

-- Read model (resourcing): each handler's availability as spans of time; the open span has no end.
create table handler_span (
    handler text        not null,
    status  varchar(20) not null,
    from_at timestamptz not null,
    to_at   timestamptz,
    primary key (handler, from_at)
);
create index handler_span_period on handler_span (from_at, to_at);
