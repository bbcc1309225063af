-- Crypto-shredding (docs/adr/0012-crypto-shredding.md): personal data in events is encrypted
-- with one key per data subject, kept here, outside the event table. Erasure deletes the key.

-- Each data key is wrapped (AES-GCM) by the key-encryption key from the environment.
create table personal_data_key (
    subject_id  varchar(64) primary key,
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now()
);

-- Which subject the personal data of each stream (a contact, a case) belongs to.
create table personal_data_stream (
    stream_id  varchar(64) primary key,
    subject_id varchar(64) not null
);
create index personal_data_stream_subject on personal_data_stream (subject_id);

-- Erasures done. A subject listed here never gets a key again: personal data later written
-- to its streams is stored as "[erased]".
create table personal_data_erasure (
    erasure_id   uuid         primary key,
    subject_id   varchar(64)  not null unique,
    legal_basis  varchar(32)  not null,
    reason       varchar(500) not null,
    approved_by  varchar(255) not null,
    erased_at    timestamptz  not null,
    rebuilds     text
);
