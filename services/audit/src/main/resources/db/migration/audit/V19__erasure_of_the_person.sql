-- An erasure reaches the whole person: every data subject linked to the one named by a matter
-- they share (docs/adr/0028-the-person-is-every-linked-subject.md). One row per subject, as
-- before; the rows of one request share its id.
alter table personal_data_erasure add column request_id uuid;
update personal_data_erasure set request_id = erasure_id;

-- A scrub after an erasure is told from an auditor's rebuild: an erasure stops an auditor's run
-- of the same read model (it may have read the data before the key went), never another scrub.
alter table replay_run add column kind varchar(16) not null default 'REBUILD';
