-- Events an ADMIN evicted from a read model's dead letters (docs/adr/0016-dead-letters-park-one-sequence.md):
-- who decided that read model does without which event, and when. A rebuild leaves them out too.
-- Ids and names only: the event itself stays in the event log.
create table dead_letter_eviction (
    event_identifier    varchar(255) not null,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    payload_type        varchar(255) not null,
    evicted_by          varchar(255) not null,
    evicted_at          timestamptz  not null,
    primary key (processing_group, event_identifier)
);
