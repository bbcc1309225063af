-- Wrong tracking codes count against the client that sent them (TrackingAttempts), per reference
-- and in all, instead of locking the reference for everyone: references are sequential, so
-- anyone could lock out any citizen. The old per-reference counts go; they only ever delayed.
drop table tracking_attempts;

create table tracking_guesses (
    client          varchar(64) not null,
    reference       text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    primary key (client, reference)
);

create table tracking_guessers (
    client          varchar(64) primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null
);
create index tracking_guesses_by_age on tracking_guesses (last_failure_at);
create index tracking_guessers_by_age on tracking_guessers (last_failure_at);
