-- What each entry of a citizen's timeline is (REPORT_RECEIVED, STATUS...) and the values its
-- words need, so the tracking page words it in the citizen's language (docs/welsh.md). The
-- English title and detail stay for rows from before, which have no kind and are shown as they are.
alter table case_timeline add column kind varchar(40);
alter table case_timeline add column args text[];
