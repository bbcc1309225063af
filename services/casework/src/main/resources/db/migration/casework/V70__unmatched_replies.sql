-- Citizens' replies by text or email that matched no case, waiting for a handler
-- (docs/adr/0045-replies-by-text-and-email.md). Personal data: the sender and the words, each
-- reply under a data subject of its own, so an erasure rebuild scrubs it. A row goes once a
-- handler puts the reply on a case or closes it.
create table unmatched_reply (
    reply_id    varchar(64)   primary key,
    channel     varchar(10)   not null,
    sender      varchar(320)  not null,
    subject     varchar(1000),
    text        varchar(2000) not null,
    received_at timestamptz   not null
);
create index unmatched_reply_oldest on unmatched_reply (received_at);
