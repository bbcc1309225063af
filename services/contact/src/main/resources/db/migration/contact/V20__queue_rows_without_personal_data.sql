-- Queue rows show what a handler needs to choose (channel, wait, grade, category), not the
-- citizen's words or number, so listing a queue is no read of personal data (ADR 0030).
alter table queue_item add column category varchar(40);
update queue_item q set category = d.category from contact_detail d where d.contact_id = q.contact_id;

-- The retention review of a contact that is part of no case (docs/adr/0029-retention-reviews.md).
alter table queue_item add column retention_kept_until timestamptz;
alter table queue_item add column disposed_at timestamptz;
create index queue_item_retention on queue_item (coalesce(closed_at, ended_at))
    where reference is null and state in ('CLOSED', 'ABANDONED') and disposed_at is null;
