-- A case opened from a live chat gives its citizen the reference and tracking code in the chat,
-- and them alone (issue 14). The code is never in an event (only its hash is), so it waits here
-- for the citizen's page to fetch it with the chat token, and is deleted a day later.
create table chat_case_code (
    contact_id    varchar(64) primary key,
    reference     varchar(20) not null,
    tracking_code varchar(20) not null,
    stored_at     timestamptz not null
);
create index chat_case_code_by_age on chat_case_code (stored_at);
