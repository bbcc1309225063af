-- Issue 16 (routes): a case can be marked unsafe to contact unprompted (no satisfaction question).
alter table case_view add column unsafe_to_contact boolean not null default false;

-- Victim support referrals (Victims' Code Right 4) still to be accepted by the service, so every
-- node can retry them: ids, state and times only; the victim's details stay in the case's events,
-- encrypted under its key. claimed_until keeps two nodes from sending the same retry at once.
create table victim_support_referral (
    referral_id     varchar(64) primary key,
    reference       varchar(20) not null,
    status          varchar(20) not null,
    attempts        integer     not null default 0,
    last_attempt_at timestamptz not null,
    claimed_until   timestamptz
);
create index victim_support_referral_open on victim_support_referral (last_attempt_at) where status <> 'SENT';
