-- The Victims' Code ledger (docs/adr/0039-victims-code-ledger.md): one row per obligation a case
-- owes, with when it arose, fell due, was met and ended, all taken from the case's events, so how
-- it stood at any moment is a filter on these times. References and times only: no personal data,
-- so erasure has nothing to remove here.
create table victims_code_ledger (
    obligation_id text primary key,
    reference text not null,
    code_right text not null,
    arose_at timestamptz not null,
    due_at timestamptz not null,
    met_at timestamptz,
    -- no longer owed (the victim changed their choice, or the case was finished) while unmet
    ended_at timestamptz
);

-- The month's totals select by due date; a case's ledger by reference.
create index victims_code_ledger_due on victims_code_ledger (due_at, code_right);
create index victims_code_ledger_reference on victims_code_ledger (reference, arose_at);

-- What the next regular update's due time needs when a case is reopened.
create table victims_code_case (
    reference text primary key,
    update_channel text not null,
    update_frequency text not null,
    finished boolean not null default false
);
