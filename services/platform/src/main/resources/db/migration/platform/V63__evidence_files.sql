-- Evidence files (docs/adr/0043): each file sealed in chunks (AES-GCM) under a key of its own, kept
-- here only wrapped by its data subject's key (personal_data_key), so an erasure destroys it too.
-- The name is personal data, sealed like the chunks. What the file was (type, size, SHA-256) stays
-- after an erasure, as it does in the EvidenceAttached event.
create table evidence_file (
    evidence_id uuid        primary key,
    stream_id   varchar(64) not null,
    subject_id  varchar(64) not null,
    media_type  varchar(100) not null,
    size_bytes  bigint      not null,
    sha256      char(64)    not null,
    chunks      integer     not null,
    sealed_name bytea,
    wrapped_key bytea,
    stored_at   timestamptz not null default now(),
    erased_at   timestamptz
);
create index evidence_file_stream on evidence_file (stream_id);
create index evidence_file_subject on evidence_file (subject_id);

create table evidence_chunk (
    evidence_id uuid    not null references evidence_file on delete cascade,
    n           integer not null,
    sealed      bytea   not null,
    primary key (evidence_id, n)
);
