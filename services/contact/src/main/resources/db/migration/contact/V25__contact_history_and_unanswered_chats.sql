-- Read model: a contact's earlier contacts are found by email address and by full name as well
-- as by phone number (ContactHistory). Personal data, like the phone beside it: rebuilt on erasure.
alter table contact_party add column email text;
alter table contact_party add column name_key text;
create index contact_party_email on contact_party (email);
create index contact_party_name on contact_party (name_key);

-- Read model: how many chat messages the citizen has sent since the handler last wrote, and
-- since when, for the handler's list of their own contacts. Counts only, no words.
alter table queue_item add column unanswered integer not null default 0;
alter table queue_item add column waiting_since timestamptz;
