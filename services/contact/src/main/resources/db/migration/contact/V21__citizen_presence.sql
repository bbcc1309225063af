-- Whether each chat's citizen is still there (issue 14). A row per open citizen socket, with the
-- node holding it, and when each chat's citizen was last seen: every node can tell a citizen who
-- left through another node, or whose node died, from one still connected.
create table citizen_socket (
    node_id    varchar(255) not null,
    socket_id  varchar(100) not null,
    contact_id varchar(64)  not null,
    opened_at  timestamptz  not null,
    primary key (node_id, socket_id)
);
create index citizen_socket_by_contact on citizen_socket (contact_id);

create table citizen_seen (
    contact_id varchar(64) primary key,
    seen_at    timestamptz not null
);

-- When either side last wrote (or the handler answered), and when both were warned that nobody had.
alter table chat_session add column last_activity_at timestamptz;
alter table chat_session add column idle_warned_at timestamptz;
-- Why an ended chat ended, for the citizen who comes back to it.
alter table chat_session add column end_reason varchar(20);
