-- Read model: every channel's queue in one table, shaped for the live console and the
-- supervisor's figures. A contact keeps its row from arrival to closure.
create table queue_item (
    contact_id    varchar(64)  primary key,
    channel       varchar(20)  not null,
    state         varchar(20)  not null,
    priority      integer      not null default 5,
    grade         varchar(40),
    queued_at     timestamptz  not null,
    first_queued_at timestamptz not null,
    summary       varchar(200) not null,
    reference     varchar(20),
    from_number   varchar(40),
    handler       varchar(100),
    answered_at   timestamptz,
    ended_at      timestamptz,
    closed_at     timestamptz,
    abandoned     boolean      not null default false
);
create index queue_item_waiting on queue_item (channel, priority, queued_at) where state = 'WAITING';
create index queue_item_handler on queue_item (handler) where state = 'ASSIGNED';
create index queue_item_first_queued on queue_item (first_queued_at);

-- Read model: live chats and their transcripts.
create table chat_session (
    contact_id   varchar(64)  primary key,
    token_hash   varchar(64)  not null,
    citizen_name varchar(200),
    topic        varchar(500) not null,
    state        varchar(20)  not null,
    handler      varchar(100),
    started_at   timestamptz  not null
);

create table chat_message (
    contact_id        varchar(64)   not null,
    seq               bigint        not null,
    author            varchar(20)   not null,
    author_name       varchar(200),
    client_message_id varchar(100)  not null,
    text              varchar(2000) not null,
    at                timestamptz   not null,
    primary key (contact_id, seq)
);

-- Read model: who contacted us from which number, for the handler's screen-pop.
create table contact_party (
    contact_id varchar(64)  primary key,
    phone      varchar(40),
    channel    varchar(20)  not null,
    at         timestamptz  not null,
    summary    varchar(200) not null,
    reference  varchar(20)
);
create index contact_party_phone on contact_party (phone);

-- Read model: call, call-back and triage details of a contact.
create table contact_channel_detail (
    contact_id      varchar(64) primary key,
    call_id         varchar(100),
    to_number       varchar(40),
    hangup_cause    varchar(30),
    callback_phone  varchar(40),
    callback_name   varchar(200),
    window_start    timestamptz,
    window_end      timestamptz,
    last_attempt    varchar(20),
    last_attempt_note varchar(2000),
    linked_reference varchar(20),
    outcome         varchar(2000)
);

create table contact_triage (
    event_id       varchar(255) primary key,
    contact_id     varchar(64)  not null,
    at             timestamptz  not null,
    by_handler     varchar(100) not null,
    grade          varchar(40)  not null,
    threat         varchar(2000),
    harm           varchar(2000),
    risk           varchar(2000),
    investigation  varchar(2000),
    vulnerability  varchar(2000),
    engagement     varchar(2000),
    rationale      varchar(2000) not null
);
create index contact_triage_by_contact on contact_triage (contact_id, at);

-- Read model: handler availability.
create table handler_availability (
    handler varchar(100) primary key,
    status  varchar(20)  not null,
    since   timestamptz  not null
);

-- The web queue is now one channel of queue_item.
drop table web_queue;
