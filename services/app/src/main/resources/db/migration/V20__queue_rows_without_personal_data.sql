-- Queue rows show what a handler needs to choose (channel, wait, grade, category), not the
-- citizen's words or number, so listing a queue is no read of personal data (ADR 0030).
alter table queue_item add column category varchar(40);
update queue_item q set category = d.category from contact_detail d where d.contact_id = q.contact_id;
