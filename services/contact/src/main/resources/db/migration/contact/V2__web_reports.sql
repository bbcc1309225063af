-- Case references are human-readable (BL-2026-000123) and unique across years.
create sequence case_reference_seq start with 1;

-- One row per Idempotency-Key: the unique key is what makes two racing requests with
-- the same key produce one case (the second waits on the index, then finds the first).
create table report_idempotency (
    idempotency_key varchar(100) primary key,
    request_hash    varchar(64)  not null,
    reference       varchar(20)  not null,
    next_update_due timestamptz  not null,
    created_at      timestamptz  not null default now()
);

-- Read model: the web queue a call handler works.
create table web_queue (
    contact_id  varchar(36)  primary key,
    reference   varchar(20)  not null,
    category    varchar(40)  not null,
    summary     varchar(200) not null,
    location    varchar(500) not null,
    received_at timestamptz  not null,
    anonymous   boolean      not null
);
create index web_queue_waiting on web_queue (received_at);

-- Read model: a contact as a handler reads it.
create table contact_detail (
    contact_id       varchar(36)   primary key,
    reference        varchar(20)   not null,
    channel          varchar(20)   not null,
    category         varchar(40)   not null,
    description      text          not null,
    location         varchar(500)  not null,
    occurred_on      date          not null,
    occurred_time    varchar(100),
    name             varchar(200),
    email            varchar(320),
    phone            varchar(40),
    update_channel   varchar(20),
    update_frequency varchar(20),
    received_at      timestamptz   not null
);
