-- MoPI retention reviews (docs/adr/0029-retention-reviews.md): when a closed case is next reviewed,
-- and whether that review is SCHEDULED, DUE or the case DISPOSED. No personal data.
alter table case_view add column retention_review_due timestamptz;
alter table case_view add column retention_state varchar(20);
create index case_view_retention on case_view (retention_review_due) where retention_state = 'DUE';
