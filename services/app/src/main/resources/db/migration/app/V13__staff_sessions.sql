-- Staff sessions (Spring Session JDBC), shared by every node so any node serves anyone behind a
-- round-robin proxy (docs/adr/0021-shared-sessions-and-limits.md). Spring Session's own
-- PostgreSQL schema, created here rather than by Spring at start-up so Flyway owns every table.
-- A row holds the session's times and the staff member's principal name (a username); the
-- attributes hold the serialised sign-in (security context) and, during an OpenID Connect
-- sign-in, the authorization request. Citizens have no session.
-- Unlogged: every staff request writes its session's last access time, and a write to a logged
-- table waits for a WAL flush (fsync is on). An unlogged table's commits do not; after a crash
-- PostgreSQL empties it, so everyone signs in again, and a sign-out can never come undone.
create unlogged table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create unlogged table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
