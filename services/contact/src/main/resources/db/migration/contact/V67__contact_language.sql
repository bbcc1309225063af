-- The language the citizen chose for the contact (ENGLISH or WELSH, from its first event): the
-- handler sees it, and routing offers a Welsh contact only to Welsh speakers. Null on rows of
-- events stored before the choice existed, which were all English.
alter table queue_item add column language varchar(10);
