-- Read model: each transfer of a contact with the note for whoever picks it up (issue 14: the
-- notes never reached the next handler).
create table contact_transfer (
    event_id     varchar(255)  primary key,
    contact_id   varchar(64)   not null,
    at           timestamptz   not null,
    from_handler varchar(100),
    to_handler   varchar(100),
    note         varchar(2000)
);
create index contact_transfer_by_contact on contact_transfer (contact_id, at);
