-- Read model: the force's canned chat responses, as supervisors last saved them (issue 14,
-- point 6). Force wording with placeholders, never about a citizen: no personal data here.
create table canned_response (
    response_id varchar(64)   primary key,
    title       varchar(200)  not null,
    text        varchar(4000) not null,
    changed_at  timestamptz   not null
);
