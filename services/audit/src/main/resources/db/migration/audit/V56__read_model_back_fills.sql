-- A read model that first starts on a log with history owes a back-fill of everything before its
-- tokens were made (docs/adr/0042-new-read-models-are-back-filled.md). The row goes once a run of
-- that read model started after it has completed: the back-fill, or a scrub that replaced it.
create table read_model_back_fill (
    read_model    varchar(255) primary key,
    through_index bigint      not null,
    owed_since    timestamptz not null
);
