-- Read model: what a citizen sees when tracking their case.
create table case_tracking (
    reference          varchar(20)  primary key,
    status             varchar(30)  not null,
    category           varchar(40)  not null,
    channel            varchar(20)  not null,
    reported_at        timestamptz  not null,
    next_update_due    timestamptz  not null,
    update_channel     varchar(20)  not null,
    update_frequency   varchar(20)  not null,
    tracking_code_hash varchar(64)  not null
);

create table case_timeline (
    event_id  varchar(255) primary key,
    reference varchar(20)  not null references case_tracking (reference),
    at        timestamptz  not null,
    title     varchar(200) not null,
    detail    text
);
create index case_timeline_by_case on case_timeline (reference, at);

-- Failed tracking attempts per reference, so guessing codes is slowed down on every node.
create table tracking_attempts (
    reference       varchar(20) primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);
