-- The name citizens see for a handler, and the handler's skills (both from Handler events). Staff
-- data, not a citizen's: no citizen's erasure touches these rows.
create table handler_profile (
    handler      varchar(100) primary key,
    display_name varchar(60)
);

create table handler_skill (
    handler varchar(100) not null,
    skill   varchar(40)  not null,
    primary key (handler, skill)
);

-- The skill a waiting contact needs (routing and "take next" give it only to handlers who have it):
-- one a transfer asked for, else the one its summary's category calls for (bluelamp.skills.categories,
-- read when the row is, so the projection needs nothing but the database).
alter table queue_item add column needed_skill varchar(40);
alter table queue_item add column summary_category varchar(40);
